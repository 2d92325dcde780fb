package io.github.camelaerona.internal.account;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads all accounts of the JVM share, however many there are: one scheduler (budget wake-ups, waiting
 * limits, call deadlines, closing drained accounts) and {@value #BUDGET_WORKERS} workers for the shared budget's
 * database round trips, each account's work kept in order by a {@link SerialWork}.
 * <p>
 * Accounts outlive CamelContexts and Karaf bundles (see {@link AeronaAccounts}), so these threads cannot belong to
 * one context's {@code ExecutorServiceManager}: they are owned here, counted by the open accounts, and stop when
 * the last one closes. Nothing that runs on them blocks but the budget's JDBC statements: callers continue on their
 * own endpoint's executor.
 */
final class AccountThreads {

    static final int BUDGET_WORKERS = 2;

    private static AccountThreads current;
    private static int users;

    private final ScheduledThreadPoolExecutor scheduler;
    private final ThreadPoolExecutor budgetWorkers;

    private AccountThreads() {
        scheduler = new ScheduledThreadPoolExecutor(1, named("aerona-scheduler"));
        scheduler.setRemoveOnCancelPolicy(true);
        budgetWorkers = new ThreadPoolExecutor(BUDGET_WORKERS, BUDGET_WORKERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("aerona-shared-budget"));
        budgetWorkers.allowCoreThreadTimeOut(true); // an in-JVM budget never starts them; idle ones go
    }

    /** The shared threads, started with the first account that needs them. */
    static synchronized AccountThreads acquire() {
        if (current == null) {
            current = new AccountThreads();
        }
        users++;
        return current;
    }

    /** An account closed: the last one stops the threads (tasks still queued are dropped; they only wake closed accounts). */
    static void release(AccountThreads threads) {
        synchronized (AccountThreads.class) {
            if (threads != current || --users > 0) {
                return;
            }
            current = null;
        }
        threads.scheduler.shutdownNow();
        threads.budgetWorkers.shutdown();
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ExecutorService budgetWorkers() {
        return budgetWorkers;
    }

    private static ThreadFactory named(String name) {
        AtomicInteger number = new AtomicInteger();
        return r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName(name + "-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
