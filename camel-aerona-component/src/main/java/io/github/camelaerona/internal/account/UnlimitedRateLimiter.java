package io.github.camelaerona.internal.account;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.camelaerona.api.AeronaRateLimiter;

/** No throttling ({@code rateLimitEnabled=false}): for benchmarks and accounts on special terms. */
final class UnlimitedRateLimiter implements AeronaRateLimiter {

    public static final UnlimitedRateLimiter INSTANCE = new UnlimitedRateLimiter();
    private static final Permit NO_SLOT = () -> {
    };
    private static final CompletableFuture<Permit> GRANTED = CompletableFuture.completedFuture(NO_SLOT);

    private UnlimitedRateLimiter() {
    }

    @Override
    public CompletableFuture<Permit> acquire(Duration maxWait) {
        return GRANTED;
    }
}
