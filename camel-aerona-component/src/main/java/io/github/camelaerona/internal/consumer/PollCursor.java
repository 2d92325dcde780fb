package io.github.camelaerona.internal.consumer;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far one polling consumer has got: the newest record date delivered, and the records that failed and have
 * not been delivered since. The next window starts {@code lookbackDays} before the newest date delivered (records
 * Aerona files late are still found), never before {@code initialFromDate}, and reaches back to any record still
 * undelivered, however old. It moves only on records delivered, never on the local clock, and belongs to one
 * consumer.
 */
final class PollCursor {

    private final LocalDate initialFromDate;
    private final int lookbackDays;
    private volatile LocalDate newestDelivered;
    private final Map<String, LocalDate> undelivered = new ConcurrentHashMap<>();

    public PollCursor(LocalDate initialFromDate, int lookbackDays) {
        this.initialFromDate = initialFromDate;
        this.lookbackDays = lookbackDays;
    }

    /** The first day of the next window. */
    public LocalDate windowStart() {
        LocalDate from = newestDelivered == null ? initialFromDate : newestDelivered.minusDays(lookbackDays);
        if (from.isBefore(initialFromDate)) {
            from = initialFromDate;
        }
        for (LocalDate failed : undelivered.values()) {
            if (failed.isBefore(from)) {
                from = failed;
            }
        }
        return from;
    }

    /** The last day of a window starting at {@code from}: today, or {@code from} when today is earlier. */
    public LocalDate windowEnd(LocalDate from, LocalDate today) {
        return today.isBefore(from) ? from : today;
    }

    /** The record reached the route and the route succeeded. */
    public void delivered(String key, LocalDate date) {
        undelivered.remove(key);
        if (newestDelivered == null || date.isAfter(newestDelivered)) {
            newestDelivered = date;
        }
    }

    /** The route failed the record: later windows reach back to its date until it is delivered. */
    public void failed(String key, LocalDate date) {
        undelivered.put(key, date);
    }

    /** The newest record date delivered so far, or null. */
    public LocalDate newestDelivered() {
        return newestDelivered;
    }
}
