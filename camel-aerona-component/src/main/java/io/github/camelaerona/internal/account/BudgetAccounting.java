package io.github.camelaerona.internal.account;

import io.github.camelaerona.api.BudgetReport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an account's budget goes: the requests of the current window (the last {@code rateLimitPeriod}) by
 * operation and by route, logins and 401 retries among them, the calls that waited for a slot and how long, and the
 * calls that gave up at {@code rateLimitMaxWait}, and the requests saved (reads that shared one in flight or got a
 * kept reply) and the polls skipped while the budget was busy. One per account, fed by every lease; read by JMX, the dev console
 * and the readiness check. Warns once per window when a call waited longer than {@code rateLimitWaitWarning}.
 */
final class BudgetAccounting {

    /** What a request was to the budget. */
    public enum Kind {
        CALL, LOGIN, RETRY
    }

    private static final Logger LOG = LoggerFactory.getLogger(BudgetAccounting.class);
    /** Events kept at most (an unthrottled account could otherwise grow without end). */
    private static final int MAX_EVENTS = 100_000;

    private final String account;
    private final LongSupplier nanoClock;
    private final long warnAfterNanos;
    private volatile long windowNanos;
    private final Deque<Event> events = new ArrayDeque<>();
    private long lastWarning = Long.MIN_VALUE;

    public BudgetAccounting(String account, Duration window, Duration warnAfter) {
        this(account, window, warnAfter, System::nanoTime);
    }

    BudgetAccounting(String account, Duration window, Duration warnAfter, LongSupplier nanoClock) {
        this.account = account;
        this.windowNanos = window.toNanos();
        this.warnAfterNanos = warnAfter.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The window follows the budget's period when the budget is tightened. */
    void window(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** A request took a slot and goes out now. */
    synchronized void sent(CallTag tag, Kind kind) {
        add(new Event(nanoClock.getAsLong(), tag, kind, EventType.SENT, 0));
    }

    /** A call got its slot after waiting; true when that was worth this window's warning. */
    boolean waited(CallTag tag, long waitedNanos, int stillWaiting) {
        boolean warn;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            add(new Event(now, tag, null, EventType.WAITED, waitedNanos));
            warn = waitedNanos > warnAfterNanos && (lastWarning == Long.MIN_VALUE || now - lastWarning >= windowNanos);
            if (warn) {
                lastWarning = now;
            }
        }
        if (warn) {
            LOG.warn("Calls to Aerona account {} wait for the rate budget: a {} call of {} ({}) waited {} ms, {} calls"
                    + " wait now. Where the budget goes: {} (warned once per window)", account,
                    tag.priority().optionValue(), tag.route(), tag.operation(), waitedNanos / 1_000_000, stillWaiting,
                    report(stillWaiting).summary());
        }
        return warn;
    }

    /** A read shared the request of an identical one in flight: a request saved. */
    synchronized void shared(CallTag tag) {
        add(new Event(nanoClock.getAsLong(), tag, null, EventType.SHARED, 0));
    }

    /** A read got a kept reply (reference data): a request saved. */
    synchronized void fromKept(CallTag tag) {
        add(new Event(nanoClock.getAsLong(), tag, null, EventType.KEPT, 0));
    }

    /** A poll was skipped because it would have waited for the budget. */
    synchronized void pollSkipped(CallTag tag) {
        add(new Event(nanoClock.getAsLong(), tag, null, EventType.SKIPPED, 0));
    }

    /** A call waited {@code rateLimitMaxWait} and was not sent. */
    synchronized void failedAtMaxWait(CallTag tag) {
        add(new Event(nanoClock.getAsLong(), tag, null, EventType.GAVE_UP, 0));
    }

    /** The current window's figures. */
    public synchronized BudgetReport report(int waitingNow) {
        prune(nanoClock.getAsLong());
        Map<String, Integer> byOperation = new TreeMap<>();
        Map<String, Integer> byRoute = new TreeMap<>();
        int requests = 0;
        int logins = 0;
        int retries = 0;
        int waited = 0;
        long longestWait = 0;
        long totalWait = 0;
        int gaveUp = 0;
        int shared = 0;
        int kept = 0;
        int skipped = 0;
        for (Event e : events) {
            switch (e.type) {
                case SENT -> {
                    requests++;
                    String operation = e.kind == Kind.LOGIN ? "login" : e.tag.operation();
                    byOperation.merge(operation, 1, Integer::sum);
                    byRoute.merge(e.tag.route(), 1, Integer::sum);
                    logins += e.kind == Kind.LOGIN ? 1 : 0;
                    retries += e.kind == Kind.RETRY ? 1 : 0;
                }
                case WAITED -> {
                    waited++;
                    longestWait = Math.max(longestWait, e.waitedNanos);
                    totalWait += e.waitedNanos;
                }
                case GAVE_UP -> gaveUp++;
                case SHARED -> shared++;
                case KEPT -> kept++;
                case SKIPPED -> skipped++;
            }
        }
        return new BudgetReport(Duration.ofNanos(windowNanos), requests, byOperation, byRoute, logins, retries, waited,
                Duration.ofNanos(longestWait), waited == 0 ? Duration.ZERO : Duration.ofNanos(totalWait / waited),
                gaveUp, waitingNow, shared, kept, skipped);
    }

    private void add(Event event) {
        events.addLast(event);
        prune(event.at);
        while (events.size() > MAX_EVENTS) {
            events.pollFirst();
        }
    }

    private void prune(long now) {
        while (!events.isEmpty() && now - events.peekFirst().at > windowNanos) {
            events.pollFirst();
        }
    }

    private enum EventType {
        SENT, WAITED, GAVE_UP, SHARED, KEPT, SKIPPED
    }

    private record Event(long at, CallTag tag, Kind kind, EventType type, long waitedNanos) {
    }
}
