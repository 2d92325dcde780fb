package io.github.camelaerona.internal.account;

/**
 * Watches the database's clock of one shared budget for steps (an NTP correction, a failover to a server whose clock
 * is off, an operator's mistake). Slot times are the database's milliseconds plus the account's offset (the row of
 * {@code aerona_budget_clock}); a step makes held slots look free (forward) or free only much later (back), so a
 * step is taken out of the offset, once, by whichever instance sees it first.
 * <p>
 * An instance that reads the database twice knows how much time passed in between from its own monotonic clock:
 * the database's time must have moved by that much, within the two readings' round trips and 1000 ppm of rate error.
 * Anything else is a step, and its size is known to within a few milliseconds.
 * <p>
 * An instance's first reading has nothing to compare with. It compares with {@code checked_at}, the last time an
 * instance found the clock steady (refreshed every {@code checkEvery} while any slot is held, and once after the
 * last frees): a time later than now means the clock went back; a time older than three checks while slots are
 * held beyond it means a step forward that no running instance has taken out yet. Then it waits three checks for
 * an instance that ran across the step to take it out exactly, and takes out the most it can be sure of itself only
 * if none does. Either way slots look held for longer than they are, never shorter.
 * <p>
 * Not thread-safe: used by the budget's one worker thread.
 */
final class BudgetClock {

    /** What a reading means. */
    sealed interface Verdict {
    }

    /** The clock is where it should be; {@code refresh} says whether to write {@code checked_at} now. */
    record Steady(boolean refresh) implements Verdict {
    }

    /** Grant nothing yet: a step is suspected and an instance that ran across it may take it out exactly. */
    record Suspect() implements Verdict {
    }

    /**
     * The clock stepped: add {@code correction} to the offset and the same to the slots whose {@code free_at} lies
     * in ({@code shiftAbove}, {@code shiftUpTo}], the ones written in the stepped clock before the step was seen.
     */
    record Step(long correction, long shiftAbove, long shiftUpTo) implements Verdict {
    }

    private static final long BASE_SLACK_MILLIS = 3;

    private final long checkEveryMillis;
    private final long periodMillis;
    private final long holdMillis;

    private Reading last;
    private long suspectedAtNanos;
    private long suspectedOffset;
    private boolean suspecting;

    private record Reading(long now, long startNanos, long endNanos) {
    }

    /**
     * @param periodMillis  the budget's period: a released slot is held that long
     * @param maxCallMillis the longest a call is in flight: a granted slot is held that plus the period
     */
    BudgetClock(long periodMillis, long maxCallMillis) {
        this.periodMillis = periodMillis;
        this.holdMillis = periodMillis + maxCallMillis;
        this.checkEveryMillis = checkEvery(periodMillis);
    }

    /** How often an instance checks the clock while slots are held: a twentieth of the period, 20 ms to 5 s. */
    static long checkEvery(long periodMillis) {
        return Math.max(20, Math.min(5000, periodMillis / 20));
    }

    long checkEveryMillis() {
        return checkEveryMillis;
    }

    /**
     * @param now        the database's time plus the account's offset, as the reading returned it
     * @param offset     the account's offset in that reading
     * @param checkedAt  the last time an instance found the clock steady, or null if none has yet
     * @param maxFreeAt  the latest {@code free_at} among the account's slots
     * @param startNanos this JVM's monotonic clock before the reading was sent
     * @param endNanos   the same once its answer was in
     */
    Verdict observe(long now, long offset, Long checkedAt, long maxFreeAt, long startNanos, long endNanos) {
        Reading reading = new Reading(now, startNanos, endNanos);
        if (suspecting) {
            return whileSuspecting(reading, offset, checkedAt);
        }
        if (last == null) {
            last = reading;
            if (checkedAt != null && (now < checkedAt - BASE_SLACK_MILLIS
                    || (now - checkedAt > 3 * checkEveryMillis && maxFreeAt > checkedAt))) {
                suspecting = true;
                suspectedAtNanos = endNanos;
                suspectedOffset = offset;
                return new Suspect();
            }
            return steady(reading, checkedAt);
        }
        long elapsedMin = (startNanos - last.endNanos()) / 1_000_000;
        long elapsedMax = (endNanos - last.startNanos()) / 1_000_000 + 1;
        long slack = BASE_SLACK_MILLIS + elapsedMax / 1000;
        long earliest = last.now() + elapsedMin - slack;
        long latest = last.now() + elapsedMax + slack;
        if (now >= earliest && now <= latest) {
            last = reading;
            return steady(reading, checkedAt);
        }
        if (now > latest && checkedAt != null && checkedAt > latest) {
            // another instance already found this clock steady after the step: it is the account's clock now
            last = reading;
            return steady(reading, checkedAt);
        }
        Reading before = last;
        // the new time is the earliest this reading can be: every slot then looks held a little longer, never shorter
        long correction = earliest - now;
        correctedBy(reading, correction);
        if (now > latest) {
            // slots written since the step are ahead by it; none written before it ends after latest + hold
            return new Step(correction, latest + holdMillis, now + holdMillis);
        }
        // slots released or taken since the step are early by it: they end from (time of step) + period on
        return new Step(correction, before.now() - (latest - now) + periodMillis - 1, now + holdMillis);
    }

    /**
     * The corrected reading is where the next ones are measured from. Starting afresh instead would judge the next
     * reading by checked_at alone, and on a JVM slow enough to read more than three checks after its own
     * correction, take the time in between for another step: over and over, until the budget stalls.
     * {@link #forget()} undoes this when the correction is not written.
     */
    private void correctedBy(Reading reading, long correction) {
        last = new Reading(reading.now() + correction, reading.startNanos(), reading.endNanos());
    }

    private Verdict whileSuspecting(Reading reading, long offset, Long checkedAt) {
        boolean checkedSince = checkedAt != null && checkedAt > reading.now() - 3 * checkEveryMillis
                && checkedAt <= reading.now() + BASE_SLACK_MILLIS;
        if (offset != suspectedOffset || checkedSince) {
            // an instance that ran across the step took it out, or one that kept reading found the clock steady
            suspecting = false;
            last = reading;
            return steady(reading, checkedAt);
        }
        if ((reading.endNanos() - suspectedAtNanos) / 1_000_000 < 3 * checkEveryMillis) {
            return new Suspect();
        }
        suspecting = false;
        // nobody did: from checked_at on, the least time that can have passed is none
        long correction = checkedAt - reading.now();
        correctedBy(reading, correction);
        return new Step(correction, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    private Steady steady(Reading reading, Long checkedAt) {
        return new Steady(checkedAt == null || reading.now() - checkedAt >= checkEveryMillis);
    }

    /** The correction was not written (another instance changed the offset first): read again from scratch. */
    void forget() {
        last = null;
        suspecting = false;
    }
}
