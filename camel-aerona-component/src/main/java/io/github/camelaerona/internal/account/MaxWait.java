package io.github.camelaerona.internal.account;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.camelaerona.api.AeronaRateLimitException;

/** The limit on a caller's wait for a slot, the same for every budget the account owns. */
final class MaxWait {

    private MaxWait() {
    }

    /**
     * Fails the waiting caller with the given exception once {@code maxWait} has passed, unless a slot came first.
     * A caller that gives up stays queued until its budget skips it: removing it here would cost O(waiters).
     */
    static void failAfter(CompletableFuture<?> waiter, Duration maxWait, ScheduledExecutorService timer,
            Supplier<AeronaRateLimitException> failure) {
        ScheduledFuture<?> timeout = timer.schedule(() -> waiter.completeExceptionally(failure.get()),
                maxWait.toNanos(), TimeUnit.NANOSECONDS);
        waiter.whenComplete((permit, problem) -> timeout.cancel(false));
    }
}
