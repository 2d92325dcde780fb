package io.github.camelaerona;

import java.time.Duration;

import io.github.camelaerona.sandbox.AeronaSandbox;

/**
 * Route tests of the shared budget on the real PostgreSQL: a scaled limit of {@value #LIMIT} per 2 s, enforced by
 * the sandbox too, and calls that may take at most 2 s (so a slot of a dead instance is back within 4 s).
 */
abstract class SharedBudgetTestSupport extends AeronaRouteTestSupport {

    static final int LIMIT = 10;
    static final Duration PERIOD = Duration.ofSeconds(2);

    @Override
    protected AeronaSandbox.Builder sandboxBuilder() {
        return AeronaSandbox.builder().rateLimit(LIMIT, PERIOD);
    }

    @Override
    protected void configure(AeronaComponent aerona) {
        aerona.getConfiguration().setRateLimit(LIMIT);
        aerona.getConfiguration().setRateLimitPeriod(PERIOD.toMillis());
        aerona.getConfiguration().setCallTimeout(2000);
    }
}
