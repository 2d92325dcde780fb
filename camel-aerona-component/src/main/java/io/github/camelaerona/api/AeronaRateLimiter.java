package io.github.camelaerona.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Grants the slots of an Aerona account's rate budget. Every request, logins included, takes a permit before it
 * is sent and releases it when the response (or the failure) arrived; the slot stays taken for the limiter's period
 * after that. Implement it over a shared store to share one budget between JVMs, and set it with the
 * {@code rateLimiter} option.
 */
public interface AeronaRateLimiter {

    /**
     * Asks for a slot. Must not block: the future completes when the slot is granted, or fails with
     * {@link AeronaRateLimitException} once {@code maxWait} has passed without one.
     */
    CompletableFuture<Permit> acquire(Duration maxWait);

    /**
     * Asks for a slot for a call of the given priority. The built-in limiters grant higher priorities first and keep
     * a reserve from background calls; a limiter that does not override this ignores the priority.
     */
    default CompletableFuture<Permit> acquire(Duration maxWait, AeronaPriority priority) {
        return acquire(maxWait);
    }

    /** Slots free right now (for health checks and monitoring); -1 when unknown. */
    default int availablePermits() {
        return -1;
    }

    /** A granted slot. */
    interface Permit {
        /** The response (or failure) of the request arrived now; called once. */
        void release();
    }
}
