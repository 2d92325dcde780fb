package io.github.camelaerona.internal.account;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaRateLimiter.Permit;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shared slot is usable for its send window only: an instance paused between the claim and the send (SIGSTOP, a
 * long GC) must not send on a slot whose row may free by itself before the request reaches Aerona. The slot is not
 * given back early either: its row stays held for the whole hold, and nobody gets it before.
 */
class SendWindowTest {

    @Test
    void aSlotNotUsedWithinItsSendWindowIsNotUsedAndItsRowStaysHeld() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Duration period = Duration.ofSeconds(2);
        Duration callTimeout = Duration.ofMillis(300);
        try (SandboxPostgres postgres = SandboxPostgres.start()) {
            JdbcRateLimiter limiter = new JdbcRateLimiter(postgres.dataSource(), "paused at sandbox", 1, period,
                    callTimeout, 0, timer);
            Permit permit = limiter.acquire(Duration.ofSeconds(30), AeronaPriority.NORMAL).get(30, TimeUnit.SECONDS);
            long grantedAt = System.nanoTime();
            ExpiringPermit slot = assertInstanceOf(ExpiringPermit.class, permit);
            assertTrue(slot.usable(), "usable right after its grant");

            await().atMost(Duration.ofSeconds(10)).until(() -> !slot.usable()); // "paused" past its send window
            slot.unused();
            CompletableFuture<Permit> next = limiter.acquire(Duration.ofSeconds(30), AeronaPriority.NORMAL);
            next.get(30, TimeUnit.SECONDS);
            long heldFor = System.nanoTime() - grantedAt;
            Duration hold = JdbcRateLimiter.sendWindow(callTimeout).plus(callTimeout).plus(period);
            assertTrue(heldFor >= hold.toNanos(), "the unused slot came back only after its whole hold of " + hold
                    + ", not after " + Duration.ofNanos(heldFor));
            assertFalse(JdbcRateLimiter.sendWindow(Duration.ofMinutes(2)).compareTo(Duration.ofSeconds(5)) > 0,
                    "the send window is at most 5 s whatever callTimeout");
            limiter.close();
        } finally {
            timer.shutdownNow();
        }
    }
}
