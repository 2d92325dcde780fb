package io.github.camelaerona.internal.account;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.camelaerona.api.AeronaException;
import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaRateLimitException;

/**
 * The in-JVM budget of one account: at most {@code limit} requests per {@code period}, where a request holds its
 * slot from the moment it is granted until {@code period} after its response arrived. Anchoring at the response
 * means network delay can never let the server count more than the limit in any window of its own.
 * <p>
 * Waiting callers hold no thread: they are futures in one FIFO queue per {@link AeronaPriority}, granted by the
 * account's timer thread when slots expire or are released, highest priority first. Background calls never hold
 * more than {@code limit - interactiveReserve} slots: a background call leaves free the part of the reserve that
 * interactive and normal calls do not hold already. Closing the limiter (with the account's last
 * lease) fails the callers still waiting, their requests unsent.
 */
public final class SlidingWindowRateLimiter implements AccountRateLimiter {

    private final String account;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoClock;
    private int limit;
    private long periodNanos;
    private int inFlight;
    /** Slots held by calls that are not background (in flight or released within the period). */
    private int foregroundInFlight;
    private int foregroundReleased;
    /** When each released slot becomes free again (nanoTime), oldest first. */
    private final Deque<Released> releasedUntil = new ArrayDeque<>();
    private final PriorityWaiters waiters;
    private final int interactiveReserve;
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt;
    /** The window carried over (from the journal, or an account that closed) and kept on file; both optional. */
    private final LongSupplier wallMillis;
    private final long maxCallNanos;
    private BudgetJournal journal;

    public SlidingWindowRateLimiter(String account, int limit, Duration period, int interactiveReserve,
            ScheduledExecutorService timer) {
        this(account, limit, period, interactiveReserve, timer, System::nanoTime);
    }

    SlidingWindowRateLimiter(String account, int limit, Duration period, int interactiveReserve,
            ScheduledExecutorService timer, LongSupplier nanoClock) {
        this(account, limit, period, interactiveReserve, timer, nanoClock, System::currentTimeMillis, Duration.ZERO);
    }

    /**
     * @param wallMillis the wall clock the window is written and read in (the journal outlives this JVM's nanoTime)
     * @param maxCall    the longest a request can be in flight: a slot in flight counts as held until that long
     *                   plus the period from now, since its response time is not known yet
     */
    SlidingWindowRateLimiter(String account, int limit, Duration period, int interactiveReserve,
            ScheduledExecutorService timer, LongSupplier nanoClock, LongSupplier wallMillis, Duration maxCall) {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive limit and period");
        }
        this.account = account;
        this.limit = limit;
        this.periodNanos = period.toNanos();
        this.nanoClock = nanoClock;
        this.timer = timer;
        this.interactiveReserve = Math.max(0, interactiveReserve);
        this.wallMillis = wallMillis;
        this.maxCallNanos = maxCall.toNanos();
        this.waiters = new PriorityWaiters(nanoClock, periodNanos);
    }

    /**
     * Counts slots held before this limiter existed (the window of a closed account of the same key, or of a JVM
     * that ran before), each until its time, as background slots: the reserve stays free for interactive calls.
     */
    synchronized void carryOver(List<Long> freeAtMillis) {
        long now = nanoClock.getAsLong();
        long wall = wallMillis.getAsLong();
        for (long freeAt : freeAtMillis) {
            if (freeAt > wall) {
                releasedUntil.addLast(new Released(now + TimeUnit.MILLISECONDS.toNanos(freeAt - wall), false));
            }
        }
        List<Released> sorted = new ArrayList<>(releasedUntil);
        sorted.sort(Comparator.comparingLong(Released::until));
        releasedUntil.clear();
        releasedUntil.addAll(sorted);
        record();
    }

    /** Keeps the window in this file from now on. */
    synchronized void keepIn(BudgetJournal journal) {
        this.journal = journal;
        record();
    }

    /** When each held slot is free again, in wall-clock epoch ms; slots in flight at the latest they can be. */
    synchronized List<Long> window() {
        long now = nanoClock.getAsLong();
        expire(now);
        long wall = wallMillis.getAsLong();
        List<Long> window = new ArrayList<>(inFlight + releasedUntil.size());
        for (Released r : releasedUntil) {
            window.add(wall + TimeUnit.NANOSECONDS.toMillis(r.until() - now) + 1);
        }
        long inFlightUntil = wall + TimeUnit.NANOSECONDS.toMillis(maxCallNanos + periodNanos) + 1;
        for (int i = 0; i < inFlight; i++) {
            window.add(inFlightUntil);
        }
        return window;
    }

    /** How long until every slot is free: zero when none is held or in flight. */
    @Override
    public synchronized Duration drainsIn() {
        long now = nanoClock.getAsLong();
        expire(now);
        if (inFlight > 0) {
            return Duration.ofNanos(maxCallNanos + periodNanos);
        }
        // carried-over slots can outlast later ones, so the deque's last is not always the latest
        long latest = releasedUntil.stream().mapToLong(Released::until).max().orElse(now);
        return Duration.ofNanos(Math.max(0, latest - now));
    }

    private void record() {
        if (journal != null) {
            journal.write(window());
        }
    }

    @Override
    public CompletableFuture<Permit> acquire(Duration maxWait, AeronaPriority priority) {
        CompletableFuture<Permit> result = new CompletableFuture<>();
        synchronized (this) {
            long now = nanoClock.getAsLong();
            expire(now);
            if (!waiters.anyAtOrAbove(priority) && canTake(priority)) {
                result.complete(take(priority));
                return result;
            }
            waiters.add(priority, result);
            grant(now); // callers ahead may have given up already
            if (result.isDone()) {
                return result;
            }
        }
        int limitNow = limit;
        Duration periodNow = Duration.ofNanos(periodNanos);
        MaxWait.failAfter(result, maxWait, timer, () -> new AeronaRateLimitException(account, limitNow, periodNow, maxWait));
        return result;
    }

    @Override
    public synchronized void restrictTo(int otherLimit, Duration otherPeriod) {
        this.limit = Math.min(limit, otherLimit);
        this.periodNanos = Math.max(periodNanos, otherPeriod.toNanos());
        waiters.ageAfter(periodNanos);
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
    public synchronized boolean wouldWait(AeronaPriority priority) {
        expire(nanoClock.getAsLong());
        return waiters.anyAtOrAbove(priority) || !canTake(priority);
    }

    @Override
    public synchronized int waiting() {
        return waiters.live();
    }

    @Override
    public int waiting(AeronaPriority priority) {
        return waiters.live(priority);
    }

    /** Whether a call of this priority may take a slot now (see {@link PriorityWaiters#keptFromBackground}). */
    private boolean canTake(AeronaPriority priority) {
        if (priority != AeronaPriority.BACKGROUND) {
            return free() >= 1;
        }
        int kept = PriorityWaiters.keptFromBackground(interactiveReserve, limit, foregroundInFlight + foregroundReleased);
        return free() - kept >= 1;
    }

    private SlotPermit take(AeronaPriority priority) {
        boolean foreground = priority != AeronaPriority.BACKGROUND;
        inFlight++;
        foregroundInFlight += foreground ? 1 : 0;
        record(); // on file before the request can be sent
        return new SlotPermit(foreground);
    }

    private void untake(SlotPermit permit) {
        inFlight--;
        foregroundInFlight -= permit.foreground ? 1 : 0;
    }

    @Override
    public synchronized Duration timeToNextSlot() {
        long now = nanoClock.getAsLong();
        expire(now);
        if (free() > 0) {
            return Duration.ZERO;
        }
        return releasedUntil.isEmpty() ? Duration.ofNanos(periodNanos)
                : Duration.ofNanos(releasedUntil.peekFirst().until() - now);
    }

    private int free() {
        return limit - inFlight - releasedUntil.size();
    }

    private void expire(long now) {
        while (!releasedUntil.isEmpty() && releasedUntil.peekFirst().until() - now <= 0) {
            foregroundReleased -= releasedUntil.pollFirst().foreground() ? 1 : 0;
        }
    }

    private synchronized void release(SlotPermit permit) {
        long now = nanoClock.getAsLong();
        untake(permit);
        releasedUntil.addLast(new Released(now + periodNanos, permit.foreground));
        foregroundReleased += permit.foreground ? 1 : 0;
        expire(now);
        grant(now);
        record();
    }

    private synchronized void onWakeUp() {
        wakeUp = null;
        long now = nanoClock.getAsLong();
        expire(now);
        grant(now);
    }

    /**
     * Grants free slots to waiters, highest priority first and in order within one, and arranges the next wake-up
     * while some still wait.
     */
    private void grant(long now) {
        while (free() >= 1) {
            PriorityWaiters.Waiter waiter = waiters.next(canTake(AeronaPriority.BACKGROUND));
            if (waiter == null) {
                break;
            }
            SlotPermit permit = take(waiter.priority());
            if (!waiter.future().complete(permit)) {
                untake(permit);
            }
        }
        if (waiters.anyLive()) {
            scheduleWakeUp(now);
        }
    }

    private void scheduleWakeUp(long now) {
        if (releasedUntil.isEmpty()) {
            return; // every slot is in flight: the next release grants
        }
        long at = releasedUntil.peekFirst().until();
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
        BudgetJournal kept;
        synchronized (this) {
            kept = journal;
        }
        if (kept != null) {
            kept.unlock();
        }
        for (CompletableFuture<Permit> waiter : waiters.drain()) {
            waiter.completeExceptionally(new AeronaException("The Aerona account " + account
                    + " was closed while the call waited for the rate budget; the request was not sent"));
        }
    }

    /** A released slot: free again at {@code until}; {@code foreground} when a call that is not background held it. */
    private record Released(long until, boolean foreground) {
    }

    private final class SlotPermit implements Permit {
        private final boolean foreground;
        private boolean released;

        SlotPermit(boolean foreground) {
            this.foreground = foreground;
        }

        @Override
        public void release() {
            synchronized (SlidingWindowRateLimiter.this) {
                if (released) {
                    return;
                }
                released = true;
            }
            SlidingWindowRateLimiter.this.release(this);
        }
    }
}
