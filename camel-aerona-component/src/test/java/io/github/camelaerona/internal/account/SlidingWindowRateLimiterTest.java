package io.github.camelaerona.internal.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaRateLimitException;
import io.github.camelaerona.api.AeronaRateLimiter.Permit;
import org.junit.jupiter.api.Test;

import static io.github.camelaerona.api.AeronaPriority.BACKGROUND;
import static io.github.camelaerona.api.AeronaPriority.INTERACTIVE;
import static io.github.camelaerona.api.AeronaPriority.NORMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-JVM budget's rules on a timer whose time the test moves: a slot is free again one period after its
 * request's response, higher priorities are granted first and in arrival order within one, background calls leave
 * the reserve free, and a wait ends at maxWait. ThrottleTest keeps the same rules at the wire, in real time.
 */
class SlidingWindowRateLimiterTest {

    private static final Duration PERIOD = Duration.ofMinutes(15);
    private static final Duration LONG_WAIT = Duration.ofHours(2);

    private final ManualTimer timer = new ManualTimer();

    private SlidingWindowRateLimiter limiter(int limit, int reserve) {
        return new SlidingWindowRateLimiter("user at sandbox", limit, PERIOD, reserve, timer, timer::nanoTime);
    }

    private static List<CompletableFuture<Permit>> acquire(SlidingWindowRateLimiter limiter, int count,
            AeronaPriority priority) {
        List<CompletableFuture<Permit>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(limiter.acquire(LONG_WAIT, priority));
        }
        return calls;
    }

    private static long granted(List<CompletableFuture<Permit>> calls) {
        return calls.stream().filter(c -> c.isDone() && !c.isCompletedExceptionally()).count();
    }

    private static void release(List<CompletableFuture<Permit>> calls) {
        calls.forEach(c -> c.join().release());
    }

    @Test
    void grantsTheLimitAtOnceAndTheNextWaits() {
        SlidingWindowRateLimiter limiter = limiter(5, 0);
        List<CompletableFuture<Permit>> calls = acquire(limiter, 6, NORMAL);
        assertEquals(5, granted(calls));
        assertEquals(1, limiter.waiting());
        assertEquals(0, limiter.availablePermits());
    }

    @Test
    void aReleasedSlotIsFreeAgainOnePeriodAfterItsReleaseNotBefore() {
        SlidingWindowRateLimiter limiter = limiter(2, 0);
        List<CompletableFuture<Permit>> first = acquire(limiter, 2, NORMAL);
        timer.advance(Duration.ofMinutes(3)); // the responses take three minutes
        release(first);
        CompletableFuture<Permit> next = limiter.acquire(LONG_WAIT, NORMAL);
        assertEquals(PERIOD, limiter.timeToNextSlot());

        timer.advance(PERIOD.minusNanos(1));
        assertFalse(next.isDone(), "a nanosecond before the period has passed since the release");
        timer.advance(Duration.ofNanos(1));
        assertTrue(next.isDone() && !next.isCompletedExceptionally());
    }

    @Test
    void aSlotInFlightNeverComesBackWithTime() {
        SlidingWindowRateLimiter limiter = limiter(1, 0);
        CompletableFuture<Permit> inFlight = limiter.acquire(LONG_WAIT, NORMAL);
        CompletableFuture<Permit> next = limiter.acquire(Duration.ofHours(1), NORMAL);
        timer.advance(PERIOD.multipliedBy(5));
        assertTrue(next.isCompletedExceptionally(), "no slot in five periods: the only one was never released");
        inFlight.join().release();
        CompletableFuture<Permit> after = limiter.acquire(LONG_WAIT, NORMAL);
        assertFalse(after.isDone(), "a release starts the period; it does not end it");
        timer.advance(PERIOD);
        assertTrue(after.isDone());
    }

    @Test
    void higherPrioritiesAreGrantedFirstAndInArrivalOrderWithinOne() {
        SlidingWindowRateLimiter limiter = limiter(3, 0);
        List<CompletableFuture<Permit>> held = acquire(limiter, 3, NORMAL);
        CompletableFuture<Permit> batch1 = limiter.acquire(LONG_WAIT, BACKGROUND);
        CompletableFuture<Permit> normal = limiter.acquire(LONG_WAIT, NORMAL);
        CompletableFuture<Permit> booking1 = limiter.acquire(LONG_WAIT, INTERACTIVE);
        CompletableFuture<Permit> booking2 = limiter.acquire(LONG_WAIT, INTERACTIVE);
        release(held);
        timer.advance(PERIOD);
        assertTrue(booking1.isDone() && booking2.isDone() && normal.isDone(), "three slots: the two bookings, then normal");
        assertFalse(batch1.isDone(), "background last");

        CompletableFuture<Permit> booking3 = limiter.acquire(LONG_WAIT, INTERACTIVE);
        booking1.join().release();
        timer.advance(PERIOD);
        assertTrue(batch1.isDone(), "the batch call has waited two periods: it goes ahead of a booking that came later");
        assertFalse(booking3.isDone());
        booking2.join().release();
        timer.advance(PERIOD);
        assertTrue(booking3.isDone());
    }

    @Test
    void aBookingThatCameAfterABatchCallGoesFirstWhileTheBatchCallHasWaitedLessThanAPeriod() {
        SlidingWindowRateLimiter limiter = limiter(1, 0);
        limiter.acquire(LONG_WAIT, NORMAL).join().release();
        timer.advance(PERIOD.dividedBy(2));
        CompletableFuture<Permit> batch = limiter.acquire(LONG_WAIT, BACKGROUND);
        CompletableFuture<Permit> booking = limiter.acquire(LONG_WAIT, INTERACTIVE);
        timer.advance(PERIOD.dividedBy(2));
        assertTrue(booking.isDone(), "a booking that came after the batch call goes first");
        assertFalse(batch.isDone());
    }

    @Test
    void aCallThatHasWaitedAPeriodGoesAheadOfEveryCallThatCameAfterIt() {
        SlidingWindowRateLimiter limiter = limiter(2, 0);
        List<CompletableFuture<Permit>> held = acquire(limiter, 2, NORMAL);
        CompletableFuture<Permit> poll = limiter.acquire(LONG_WAIT, BACKGROUND);
        timer.advance(PERIOD);
        List<CompletableFuture<Permit>> later = acquire(limiter, 3, INTERACTIVE);
        release(held);
        timer.advance(PERIOD);
        assertTrue(poll.isDone(), "the poll waited a period: it is granted before the later bookings");
        assertEquals(1, granted(later), "the second slot goes to the first booking that came later");
    }

    @Test
    void anAgedBackgroundCallStillLeavesTheReserveAndCallsThatMayTakeItPass() {
        SlidingWindowRateLimiter limiter = limiter(3, 1);
        List<CompletableFuture<Permit>> held = acquire(limiter, 2, BACKGROUND);
        CompletableFuture<Permit> poll = limiter.acquire(LONG_WAIT, BACKGROUND);
        assertFalse(poll.isDone(), "the last slot is the reserve");
        timer.advance(PERIOD.multipliedBy(2));
        assertFalse(poll.isDone(), "aged, it still leaves the reserve");
        CompletableFuture<Permit> normal = limiter.acquire(LONG_WAIT, NORMAL);
        assertTrue(normal.isDone(), "a normal call may take the reserve the poll may not");
        CompletableFuture<Permit> booking = limiter.acquire(LONG_WAIT, INTERACTIVE);
        assertFalse(booking.isDone(), "no slot left");
        held.get(0).join().release();
        timer.advance(PERIOD);
        assertTrue(poll.isDone(), "the aged poll goes ahead of the booking that came after it");
        assertFalse(booking.isDone());
    }

    @Test
    void backgroundCallsLeaveTheReserveFreeForInteractiveOnes() {
        SlidingWindowRateLimiter limiter = limiter(5, 2);
        List<CompletableFuture<Permit>> batch = acquire(limiter, 5, BACKGROUND);
        assertEquals(3, granted(batch), "background takes limit - reserve");
        assertEquals(2, limiter.availablePermits());
        List<CompletableFuture<Permit>> bookings = acquire(limiter, 2, INTERACTIVE);
        assertEquals(2, granted(bookings), "the reserve was there for them");
        assertEquals(3, granted(batch));
    }

    @Test
    void theReserveIsNeverTheWholeBudget() {
        SlidingWindowRateLimiter limiter = limiter(3, 10);
        List<CompletableFuture<Permit>> batch = acquire(limiter, 3, BACKGROUND);
        assertEquals(1, granted(batch), "a reserve of 10 on a limit of 3 keeps 2 free, not all 3");
    }

    @Test
    void aWaitEndsAtMaxWaitWithoutASlot() throws Exception {
        SlidingWindowRateLimiter limiter = limiter(1, 0);
        CompletableFuture<Permit> held = limiter.acquire(LONG_WAIT, NORMAL);
        CompletableFuture<Permit> waiting = limiter.acquire(Duration.ofSeconds(30), NORMAL);
        timer.advance(Duration.ofSeconds(29));
        assertFalse(waiting.isDone());
        timer.advance(Duration.ofSeconds(1));
        ExecutionException failure = assertThrows(ExecutionException.class, waiting::get);
        assertInstanceOf(AeronaRateLimitException.class, failure.getCause());

        held.join().release();
        timer.advance(PERIOD);
        assertEquals(1, limiter.availablePermits(), "the caller that gave up took no slot");
        assertEquals(0, limiter.waiting());
    }

    @Test
    void closingFailsTheWaitingCallsUnsent() {
        SlidingWindowRateLimiter limiter = limiter(1, 0);
        limiter.acquire(LONG_WAIT, NORMAL);
        List<CompletableFuture<Permit>> waiting = acquire(limiter, 3, BACKGROUND);
        limiter.close();
        assertTrue(waiting.stream().allMatch(CompletableFuture::isCompletedExceptionally));
        assertEquals(0, limiter.waiting());
    }
}
