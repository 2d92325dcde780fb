package io.github.camelaerona.account;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.camelaerona.api.AeronaException;
import io.github.camelaerona.api.AeronaRateLimitException;

/**
 * The in-JVM budget of one account: at most {@code limit} requests per {@code period}, where a request holds its
 * slot from the moment it is granted until {@code period} after its response arrived. Anchoring at the response
 * means network delay can never let the server count more than the limit in any window of its own.
 * <p>
 * Waiting callers hold no thread: they are futures in a FIFO queue, granted by the account's timer thread when
 * slots expire or are released. Closing the limiter (with the account's last lease) fails the callers still
 * waiting, their requests unsent.
 */
public final class SlidingWindowRateLimiter implements AccountRateLimiter {

    private final String account;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoClock;
    private int limit;
    private long periodNanos;
    private int inFlight;
    /** When each released slot becomes free again (nanoTime), oldest first. */
    private final Deque<Long> releasedUntil = new ArrayDeque<>();
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt;

    public SlidingWindowRateLimiter(String account, int limit, Duration period, ScheduledExecutorService timer) {
        this(account, limit, period, timer, System::nanoTime);
    }

    SlidingWindowRateLimiter(String account, int limit, Duration period, ScheduledExecutorService timer,
            LongSupplier nanoClock) {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive limit and period");
        }
        this.account = account;
        this.limit = limit;
        this.periodNanos = period.toNanos();
        this.nanoClock = nanoClock;
        this.timer = timer;
    }

    @Override
    public CompletableFuture<Permit> acquire(Duration maxWait) {
        CompletableFuture<Permit> result = new CompletableFuture<>();
        synchronized (this) {
            long now = nanoClock.getAsLong();
            expire(now);
            if (waiters.isEmpty() && free() > 0) {
                inFlight++;
                result.complete(new SlotPermit());
                return result;
            }
            waiters.addLast(new Waiter(result));
            scheduleWakeUp(now);
        }
        long waitNanos = maxWait.toNanos();
        int limitNow = limit;
        Duration periodNow = Duration.ofNanos(periodNanos);
        // a waiter that times out stays queued until grant() skips it: removing it here would cost O(waiters)
        ScheduledFuture<?> timeout = timer.schedule(
                () -> result.completeExceptionally(new AeronaRateLimitException(account, limitNow, periodNow, maxWait)),
                waitNanos, TimeUnit.NANOSECONDS);
        result.whenComplete((permit, failure) -> timeout.cancel(false));
        return result;
    }

    @Override
    public synchronized void restrictTo(int otherLimit, Duration otherPeriod) {
        this.limit = Math.min(limit, otherLimit);
        this.periodNanos = Math.max(periodNanos, otherPeriod.toNanos());
    }

    @Override
    public synchronized int limit() {
        return limit;
    }

    @Override
    public synchronized Duration period() {
        return Duration.ofNanos(periodNanos);
    }

    @Override
    public synchronized int availablePermits() {
        expire(nanoClock.getAsLong());
        return Math.max(0, free());
    }

    @Override
    public synchronized int waiting() {
        return (int) waiters.stream().filter(w -> !w.future.isDone()).count();
    }

    @Override
    public synchronized Duration timeToNextSlot() {
        long now = nanoClock.getAsLong();
        expire(now);
        if (free() > 0) {
            return Duration.ZERO;
        }
        return releasedUntil.isEmpty() ? Duration.ofNanos(periodNanos) : Duration.ofNanos(releasedUntil.peekFirst() - now);
    }

    private int free() {
        return limit - inFlight - releasedUntil.size();
    }

    private void expire(long now) {
        while (!releasedUntil.isEmpty() && releasedUntil.peekFirst() - now <= 0) {
            releasedUntil.pollFirst();
        }
    }

    private synchronized void release() {
        long now = nanoClock.getAsLong();
        inFlight--;
        releasedUntil.addLast(now + periodNanos);
        expire(now);
        grant(now);
    }

    private synchronized void onWakeUp() {
        wakeUp = null;
        long now = nanoClock.getAsLong();
        expire(now);
        grant(now);
    }

    /** Grants free slots to waiters in order and arranges the next wake-up while some still wait. */
    private void grant(long now) {
        while (!waiters.isEmpty() && free() > 0) {
            Waiter waiter = waiters.pollFirst();
            if (waiter.future.isDone()) {
                continue;
            }
            inFlight++;
            if (!waiter.future.complete(new SlotPermit())) {
                inFlight--;
            }
        }
        if (!waiters.isEmpty()) {
            scheduleWakeUp(now);
        }
    }

    private void scheduleWakeUp(long now) {
        if (releasedUntil.isEmpty()) {
            return; // every slot is in flight: the next release grants
        }
        long at = releasedUntil.peekFirst();
        if (wakeUp != null && wakeUpAt <= at) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUpAt = at;
        wakeUp = timer.schedule(this::onWakeUp, Math.max(0, at - now), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        java.util.List<Waiter> left;
        synchronized (this) {
            left = java.util.List.copyOf(waiters);
            waiters.clear();
        }
        for (Waiter waiter : left) {
            waiter.future.completeExceptionally(new AeronaException("The Aerona account " + account
                    + " was closed while the call waited for the rate budget; the request was not sent"));
        }
    }

    private record Waiter(CompletableFuture<Permit> future) {
    }

    private final class SlotPermit implements Permit {
        private boolean released;

        @Override
        public void release() {
            synchronized (SlidingWindowRateLimiter.this) {
                if (released) {
                    return;
                }
                released = true;
            }
            SlidingWindowRateLimiter.this.release();
        }
    }
}
