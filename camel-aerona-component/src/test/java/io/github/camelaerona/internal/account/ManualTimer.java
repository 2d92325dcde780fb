package io.github.camelaerona.internal.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose time moves only when a test says so, and the nano clock of that time: a limiter driven by it
 * is tested for its rules (which slot comes back when, who gets it) without waiting for real time. Tasks run on the
 * test's thread, in the order they fall due, when {@link #advance} passes their time.
 */
final class ManualTimer extends AbstractExecutorService implements ScheduledExecutorService {

    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_000_000_000L;

    /** The timer's time, in nanoseconds (a limiter's nano clock). */
    synchronized long nanoTime() {
        return now;
    }

    /** Moves time forward, running each task that falls due on the way at its own time. */
    void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = now + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.isDone() && t.at - target <= 0)
                        .min(Comparator.comparingLong((Task t) -> t.at).thenComparingLong(t -> t.order)).orElse(null);
                if (next == null) {
                    now = target;
                    tasks.removeIf(Task::isDone);
                    return;
                }
                now = Math.max(now, next.at);
                tasks.remove(next);
            }
            next.run();
        }
    }

    /** Tasks scheduled and neither run nor cancelled. */
    synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.isDone()).count();
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, now + unit.toNanos(Math.max(0, delay)), tasks.size());
        tasks.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        @SuppressWarnings("unchecked")
        ScheduledFuture<V> task = (ScheduledFuture<V>) schedule(() -> {
            try {
                callable.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, delay, unit);
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Task extends CompletableFuture<Object> implements ScheduledFuture<Object> {
        private final Runnable command;
        private final long at;
        private final long order;

        Task(Runnable command, long at, long order) {
            this.command = command;
            this.at = at;
            this.order = order;
        }

        void run() {
            if (!isDone()) {
                command.run();
                complete(null);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
