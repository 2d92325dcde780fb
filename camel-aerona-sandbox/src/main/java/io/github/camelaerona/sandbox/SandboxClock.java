package io.github.camelaerona.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's notion of time: a start instant (the machine's time when the sandbox started, or one a test pins)
 * that runs on with the JVM's monotonic clock, plus an offset that tests move forward. Token expiry, rate windows,
 * webhook retries, "today" and every seeded date follow it, so a test that pins the start sees the same data and
 * the same dates whatever the machine's date, time of day or time zone, and no wall-clock jump disturbs it.
 */
public final class SandboxClock extends Clock {

    private final ZoneId zone;
    private final Instant start;
    private final long startNanos;
    private final AtomicLong offsetNanos = new AtomicLong();

    /** A clock that starts at the machine's current time. */
    public SandboxClock(ZoneId zone) {
        this(zone, Instant.now());
    }

    /** A clock that starts at {@code start} and runs on from there. */
    public SandboxClock(ZoneId zone, Instant start) {
        this.zone = zone;
        this.start = start;
        this.startNanos = System.nanoTime();
    }

    /** Moves the sandbox's time forward (never backward: tokens and windows assume monotonic time). */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The sandbox clock only moves forward");
        }
        offsetNanos.addAndGet(duration.toNanos());
    }

    /** How far tests have moved the clock beyond the time that has passed. */
    public Duration offset() {
        return Duration.ofNanos(offsetNanos.get());
    }

    /** Where the clock started. */
    public Instant start() {
        return start;
    }

    @Override
    public Instant instant() {
        return start.plusNanos(System.nanoTime() - startNanos + offsetNanos.get());
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
