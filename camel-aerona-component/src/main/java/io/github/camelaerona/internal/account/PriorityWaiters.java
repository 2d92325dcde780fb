package io.github.camelaerona.internal.account;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaRateLimiter.Permit;

/**
 * The calls waiting for a slot of one limiter, in a queue per priority, and the reserve rule both limiters grant
 * by: the highest priority first, in arrival order within one; a background call only while it leaves the reserve
 * free. A caller that gave up (its future is done) is skipped. Thread-safe.
 */
final class PriorityWaiters {

    private final Map<AeronaPriority, Deque<CompletableFuture<Permit>>> queues = new EnumMap<>(AeronaPriority.class);

    PriorityWaiters() {
        for (AeronaPriority priority : AeronaPriority.values()) {
            queues.put(priority, new ArrayDeque<>());
        }
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
        queues.get(priority).addLast(caller);
    }

    /** Whether a live caller of this priority or a higher one waits: a new caller of it queues behind them. */
    synchronized boolean anyAtOrAbove(AeronaPriority priority) {
        for (AeronaPriority p : AeronaPriority.values()) {
            Deque<CompletableFuture<Permit>> queue = queues.get(p);
            queue.removeIf(CompletableFuture::isDone);
            if (!queue.isEmpty()) {
                return true;
            }
            if (p == priority) {
                return false;
            }
        }
        return false;
    }

    /** Takes the next caller to grant: the first of the highest priority; a background one only if it may take. */
    synchronized Waiter next(boolean backgroundMayTake) {
        for (AeronaPriority priority : AeronaPriority.values()) {
            if (priority == AeronaPriority.BACKGROUND && !backgroundMayTake) {
                return null;
            }
            Deque<CompletableFuture<Permit>> queue = queues.get(priority);
            CompletableFuture<Permit> next;
            while ((next = queue.pollFirst()) != null) {
                if (!next.isDone()) {
                    return new Waiter(next, priority);
                }
            }
        }
        return null;
    }

    /** Puts a caller taken by {@link #next} back at the head of its queue (its slot was lost to a race). */
    synchronized void putBack(Waiter waiter) {
        queues.get(waiter.priority()).addFirst(waiter.future());
    }

    /** Live callers waiting at this priority. */
    synchronized int live(AeronaPriority priority) {
        Deque<CompletableFuture<Permit>> queue = queues.get(priority);
        queue.removeIf(CompletableFuture::isDone);
        return queue.size();
    }

    synchronized boolean anyLive() {
        return live() > 0;
    }

    synchronized int live() {
        int live = 0;
        for (Deque<CompletableFuture<Permit>> queue : queues.values()) {
            queue.removeIf(CompletableFuture::isDone);
            live += queue.size();
        }
        return live;
    }

    /** Empties every queue; answers the callers that were in them, for the closing limiter to fail. */
    synchronized List<CompletableFuture<Permit>> drain() {
        List<CompletableFuture<Permit>> left = new ArrayList<>();
        for (Deque<CompletableFuture<Permit>> queue : queues.values()) {
            left.addAll(queue);
            queue.clear();
        }
        return left;
    }

    record Waiter(CompletableFuture<Permit> future, AeronaPriority priority) {
    }
}
