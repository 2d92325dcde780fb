package io.github.camelaerona.internal.account;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaRateLimiter.Permit;

/**
 * The calls waiting for a slot of one limiter, in a queue per priority, and the rules both limiters grant by: the
 * highest priority first, in arrival order within one; a background call only while it leaves the reserve free; and
 * no starving: a caller that has waited {@code ageAfter} (the budget's period) goes ahead of every caller that came
 * after it, whatever their priority. The reserve stays: an aged background caller still leaves it free, and the
 * callers that may take the reserve pass it while it waits for that. A caller that gave up (its future is done) is
 * skipped. Thread-safe.
 */
final class PriorityWaiters {

    private final Map<AeronaPriority, Deque<Entry>> queues = new EnumMap<>(AeronaPriority.class);
    private final LongSupplier nanoClock;
    private volatile long ageAfterNanos;

    /**
     * @param nanoClock     the limiter's monotonic clock
     * @param ageAfterNanos how long a caller waits before it goes ahead of later callers of higher priorities
     */
    PriorityWaiters(LongSupplier nanoClock, long ageAfterNanos) {
        this.nanoClock = nanoClock;
        this.ageAfterNanos = ageAfterNanos;
        for (AeronaPriority priority : AeronaPriority.values()) {
            queues.put(priority, new ArrayDeque<>());
        }
    }

    /** The budget's period changed (endpoints of one account that disagree share the longest). */
    void ageAfter(long nanos) {
        this.ageAfterNanos = nanos;
    }

    /**
     * The free slots a background call must leave: the part of the reserve ({@code interactiveReserve}, never the
     * whole limit) that calls of other priorities do not hold already, so background never holds more than
     * {@code limit - reserve} slots and the reserve is there for a booking when it comes.
     */
    static int keptFromBackground(int interactiveReserve, int limit, int foregroundHeld) {
        return Math.max(0, Math.min(interactiveReserve, limit - 1) - foregroundHeld);
    }

    synchronized void add(AeronaPriority priority, CompletableFuture<Permit> caller) {
        queues.get(priority).addLast(new Entry(caller, nanoClock.getAsLong()));
    }

    /**
     * Whether a new caller of this priority must queue: a live caller of it or a higher one waits, or a caller of
     * any priority has waited long enough to go ahead of everyone after it.
     */
    synchronized boolean anyAtOrAbove(AeronaPriority priority) {
        if (oldestAged(nanoClock.getAsLong(), true) != null) {
            return true;
        }
        for (AeronaPriority p : AeronaPriority.values()) {
            Deque<Entry> queue = queues.get(p);
            queue.removeIf(Entry::isDone);
            if (!queue.isEmpty()) {
                return true;
            }
            if (p == priority) {
                return false;
            }
        }
        return false;
    }

    /**
     * Takes the next caller to grant: the oldest one that has waited {@code ageAfter}, if any; else the first of the
     * highest priority. A background caller only if it may take ({@code backgroundMayTake}): an aged background
     * caller that may not (the free slots are the reserve) lets the others take them in their order, which is also
     * what frees it, since the reserve kept from background shrinks by every slot the others hold.
     */
    synchronized Waiter next(boolean backgroundMayTake) {
        Waiter aged = oldestAged(nanoClock.getAsLong(), backgroundMayTake);
        if (aged != null) {
            queues.get(aged.priority()).removeFirstOccurrence(aged.entry());
            return aged;
        }
        for (AeronaPriority priority : AeronaPriority.values()) {
            if (priority == AeronaPriority.BACKGROUND && !backgroundMayTake) {
                return null;
            }
            Waiter next = pollFirst(priority);
            if (next != null) {
                return next;
            }
        }
        return null;
    }

    private Waiter pollFirst(AeronaPriority priority) {
        Deque<Entry> queue = queues.get(priority);
        Entry next;
        while ((next = queue.pollFirst()) != null) {
            if (!next.isDone()) {
                return new Waiter(next, priority);
            }
        }
        return null;
    }

    /**
     * The longest-waiting live caller that has waited {@code ageAfter} and may take a slot; each queue's head is its
     * oldest.
     */
    private Waiter oldestAged(long now, boolean backgroundMayTake) {
        Waiter oldest = null;
        for (AeronaPriority priority : AeronaPriority.values()) {
            if (priority == AeronaPriority.BACKGROUND && !backgroundMayTake) {
                continue;
            }
            Deque<Entry> queue = queues.get(priority);
            queue.removeIf(Entry::isDone);
            Entry head = queue.peekFirst();
            if (head != null && now - head.since() >= ageAfterNanos
                    && (oldest == null || head.since() - oldest.entry().since() < 0)) {
                oldest = new Waiter(head, priority);
            }
        }
        return oldest;
    }

    /** Puts a caller taken by {@link #next} back at the head of its queue (its slot was lost to a race). */
    synchronized void putBack(Waiter waiter) {
        queues.get(waiter.priority()).addFirst(waiter.entry());
    }

    /** Live callers waiting at this priority. */
    synchronized int live(AeronaPriority priority) {
        Deque<Entry> queue = queues.get(priority);
        queue.removeIf(Entry::isDone);
        return queue.size();
    }

    synchronized boolean anyLive() {
        return live() > 0;
    }

    synchronized int live() {
        int live = 0;
        for (Deque<Entry> queue : queues.values()) {
            queue.removeIf(Entry::isDone);
            live += queue.size();
        }
        return live;
    }

    /** Empties every queue; answers the callers that were in them, for the closing limiter to fail. */
    synchronized List<CompletableFuture<Permit>> drain() {
        List<CompletableFuture<Permit>> left = new ArrayList<>();
        for (Deque<Entry> queue : queues.values()) {
            queue.forEach(entry -> left.add(entry.future()));
            queue.clear();
        }
        return left;
    }

    /** A caller and when it started to wait (the limiter's nano clock). */
    record Entry(CompletableFuture<Permit> future, long since) {
        boolean isDone() {
            return future.isDone();
        }
    }

    record Waiter(Entry entry, AeronaPriority priority) {
        CompletableFuture<Permit> future() {
            return entry.future();
        }
    }
}
