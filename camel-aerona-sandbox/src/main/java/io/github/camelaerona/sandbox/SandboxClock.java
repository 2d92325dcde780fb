package io.github.camelaerona.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's notion of time: the system clock plus an offset that tests move forward, so token
 * expiry, rate windows and webhook retries can be exercised without waiting.
 */
public final class SandboxClock extends Clock {

    private final ZoneId zone;
    private final AtomicLong offsetMillis = new AtomicLong();

    public SandboxClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Moves the sandbox's time forward (never backward: tokens and windows assume monotonic time). */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The sandbox clock only moves forward");
        }
        offsetMillis.addAndGet(duration.toMillis());
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen from another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        SandboxClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return self.withZone(zone);
            }
        };
    }
}
