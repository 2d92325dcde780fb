package io.github.camelaerona.internal.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step detector on readings given as numbers: database milliseconds against this JVM's monotonic nanoseconds.
 * A period of 900 s and calls of at most 60 s, as in production: checks every 5 s.
 */
class BudgetClockTest {

    private static final long PERIOD = 900_000;
    private static final long MAX_CALL = 60_000;
    private static final long HOLD = PERIOD + MAX_CALL;
    private static final long T = 1_800_000_000_000L; // a database time in milliseconds
    private static final long HOUR = 3_600_000;

    private final BudgetClock clock = new BudgetClock(PERIOD, MAX_CALL);

    /** A reading taken at {@code atMillis} of the monotonic clock, with a 2 ms round trip. */
    private BudgetClock.Verdict read(long dbNow, long atMillis, Long checkedAt, long maxFreeAt) {
        return clock.observe(dbNow, 0, checkedAt, maxFreeAt, atMillis * 1_000_000, (atMillis + 2) * 1_000_000);
    }

    @Test
    void checksEveryTwentiethOfThePeriodWithinLimits() {
        assertEquals(5000, BudgetClock.checkEvery(900_000));
        assertEquals(100, BudgetClock.checkEvery(2000));
        assertEquals(20, BudgetClock.checkEvery(10));
    }

    @Test
    void aClockThatMovesWithTheMonotonicOneIsSteadyAndCheckedAtMostEveryCheck() {
        assertEquals(new BudgetClock.Steady(true), read(T, 0, null, T));
        assertEquals(new BudgetClock.Steady(false), read(T + 1001, 1000, T, T));
        assertEquals(new BudgetClock.Steady(true), read(T + 6001, 6000, T, T));
        // an hour idle: the rate of the two clocks may differ by up to 1000 ppm, 3.6 s
        assertInstanceOf(BudgetClock.Steady.class, read(T + 6001 + HOUR + 3000, 6000 + HOUR, T + 6001, T));
    }

    @Test
    void aStepForwardIsTakenOutWithTheSlotsWrittenSince() {
        read(T, 0, null, T);
        BudgetClock.Step step = assertInstanceOf(BudgetClock.Step.class, read(T + 1000 + HOUR, 1000, T, T + HOLD));
        // taken out to the earliest this reading can be: at least the step, at most a round trip and slack more
        assertTrue(step.correction() <= -HOUR && step.correction() >= -HOUR - 10, "correction " + step.correction());
        // a slot written before the step ends by T + 1000 + hold; only later ones are moved
        assertTrue(step.shiftAbove() >= T + 1000 + HOLD && step.shiftAbove() <= T + 1010 + HOLD);
        assertEquals(T + 1000 + HOUR + HOLD, step.shiftUpTo());
    }

    @Test
    void aStepBackIsTakenOutWithTheSlotsWrittenSince() {
        read(T, 0, null, T);
        BudgetClock.Step step = assertInstanceOf(BudgetClock.Step.class, read(T + 1000 - HOUR, 1000, T, T + HOLD));
        assertTrue(step.correction() <= HOUR && step.correction() >= HOUR - 10, "correction " + step.correction());
        // slots released since the step end from (step - hour) + period on: from before the first reading's time
        assertTrue(step.shiftAbove() <= T - HOUR + PERIOD, "shift above " + step.shiftAbove());
        assertTrue(step.shiftAbove() >= T - HOUR + PERIOD - 20, "shift above " + step.shiftAbove());
        assertEquals(T + 1000 - HOUR + HOLD, step.shiftUpTo());
    }

    @Test
    void aStepAnotherInstanceAlreadyFoundSteadyIsTakenAsIt() {
        read(T, 0, null, T);
        // checked_at is later than this clock can be: an instance checked in the new time and found it steady
        assertInstanceOf(BudgetClock.Steady.class, read(T + 1000 + HOUR, 1000, T + 900 + HOUR, T + HOLD));
    }

    @Test
    void aFirstReadingBeforeTheLastCheckIsAStepBackAndWaitsThreeChecksForAnInstanceThatSawIt() {
        assertInstanceOf(BudgetClock.Suspect.class, read(T - HOUR, 0, T, T + HOLD));
        assertInstanceOf(BudgetClock.Suspect.class, read(T - HOUR + 10_000, 10_000, T, T + HOLD));
        // nobody took it out in three checks: this instance takes out what it is sure of, back to checked_at
        BudgetClock.Step step = assertInstanceOf(BudgetClock.Step.class, read(T - HOUR + 15_000, 15_000, T, T + HOLD));
        assertEquals(HOUR - 15_000, step.correction());
        assertTrue(step.shiftAbove() >= step.shiftUpTo(), "no slot to move: none was written since");
    }

    @Test
    void aFirstReadingLongAfterTheLastCheckWithSlotsHeldBeyondItIsASuspectedStepForward() {
        assertInstanceOf(BudgetClock.Suspect.class, read(T + HOUR, 0, T, T + HOLD));
        BudgetClock.Step step = assertInstanceOf(BudgetClock.Step.class, read(T + HOUR + 15_000, 15_000, T, T + HOLD));
        assertEquals(-HOUR - 15_000, step.correction(), "back to checked_at: slots look held longer, never shorter");
    }

    @Test
    void aSuspicionEndsWhenAnotherInstanceTakesTheStepOutOrFindsTheClockSteady() {
        assertInstanceOf(BudgetClock.Suspect.class, read(T + HOUR, 0, T, T + HOLD));
        assertEquals(new BudgetClock.Steady(false),
                clock.observe(T + 5000, -HOUR, T + 4000, T + HOLD, 5000_000_000L, 5002_000_000L));

        BudgetClock other = new BudgetClock(PERIOD, MAX_CALL);
        assertInstanceOf(BudgetClock.Suspect.class, other.observe(T + HOUR, 0, T, T + HOLD, 0, 2_000_000));
        assertInstanceOf(BudgetClock.Steady.class,
                other.observe(T + HOUR + 5000, 0, T + HOUR + 4000, T + HOLD, 5000_000_000L, 5002_000_000L));
    }

    @Test
    void aFirstReadingAfterAnIdleTimeIsSteady() {
        // the last check came after every slot was free: nothing held, nothing to suspect
        assertInstanceOf(BudgetClock.Steady.class, read(T + HOUR, 0, T, T - 1));
        assertInstanceOf(BudgetClock.Steady.class, new BudgetClock(PERIOD, MAX_CALL).observe(T, 0, null, T + HOLD, 0, 1));
    }

    @Test
    void afterItsOwnCorrectionAnInstanceMeasuresFromTheCorrectedReadingNotFromCheckedAt() {
        read(T, 0, null, T);
        BudgetClock.Step step = assertInstanceOf(BudgetClock.Step.class, read(T + 1000 + HOUR, 1000, T, T + HOLD));
        long offset = step.correction();
        long checkedAt = T + 1000 + HOUR + offset; // what the correction writes
        // read four checks later, slots still held beyond checked_at: measured from the correction, it is steady
        long at = 1000 + 4 * BudgetClock.checkEvery(PERIOD);
        BudgetClock.Verdict next = clock.observe(T + at + HOUR + offset, offset, checkedAt, T + HOLD,
                at * 1_000_000, (at + 2) * 1_000_000);
        assertEquals(new BudgetClock.Steady(true), next, "no second step for the time that passed since the first");
    }

    @Test
    void aCorrectionThatWasNotWrittenIsForgottenAndTheNextReadingJudgedByCheckedAt() {
        read(T, 0, null, T);
        assertInstanceOf(BudgetClock.Step.class, read(T + 1000 + HOUR, 1000, T, T + HOLD));
        clock.forget();
        assertInstanceOf(BudgetClock.Suspect.class, read(T + 1000 + HOUR, 1001, T, T + HOLD));
    }
}
