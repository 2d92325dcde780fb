package io.github.camelaerona.internal.account;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's tasks on a pool shared by all accounts, run one at a time in the order given: the account's work
 * keeps the single-thread rules it was written for, without a thread of its own. After each task the account goes
 * to the back of the pool's queue, so one busy account does not hold a worker while others wait.
 */
final class SerialWork implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialWork.class);

    private final Executor pool;
    private final String owner;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;
    private boolean closed;

    SerialWork(Executor pool, String owner) {
        this.pool = pool;
        this.owner = owner;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (closed) {
                throw new RejectedExecutionException("The work of " + owner + " has stopped");
            }
            tasks.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        submit();
    }

    private void submit() {
        try {
            pool.execute(this::runOne);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                tasks.clear();
                scheduled = false;
                notifyAll();
            }
            throw e;
        }
    }

    private void runOne() {
        Runnable task;
        synchronized (this) {
            task = tasks.poll();
        }
        try {
            if (task != null) {
                task.run();
            }
        } catch (RuntimeException e) {
            LOG.warn("A task of {} failed: {}", owner, e.toString(), e);
        } finally {
            boolean more;
            synchronized (this) {
                more = !tasks.isEmpty();
                scheduled = more;
                if (!more) {
                    notifyAll();
                }
            }
            if (more) {
                try {
                    submit();
                } catch (RejectedExecutionException stopped) {
                    // the pool stopped with the last account: what is left only touched closed accounts
                }
            }
        }
    }

    /** Takes no more tasks and waits, at most {@code max}, for those already given to run. */
    void closeAndWait(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (this) {
            closed = true;
            try {
                while (scheduled) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
