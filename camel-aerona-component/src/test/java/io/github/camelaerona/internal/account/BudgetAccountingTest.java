package io.github.camelaerona.internal.account;

import io.github.camelaerona.api.BudgetReport;
import io.github.camelaerona.internal.account.CallTag;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelaerona.api.AeronaPriority;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window of the accounting and its warning, on a clock the test moves. */
class BudgetAccountingTest {

    private final AtomicLong now = new AtomicLong();
    private final BudgetAccounting accounting = new BudgetAccounting("demo at https://aerona.example",
            Duration.ofMinutes(15), Duration.ofMinutes(1), now::get);
    private final CallTag sync = new CallTag("getInvoice", "nightly-sync", AeronaPriority.BACKGROUND);

    @Test
    void warnsOncePerWindowWhenCallsWaitLongerThanTheThreshold() {
        assertFalse(accounting.waited(sync, Duration.ofSeconds(59).toNanos(), 3), "under the threshold");
        assertTrue(accounting.waited(sync, Duration.ofMinutes(2).toNanos(), 3), "the first long wait warns");
        advance(Duration.ofMinutes(14));
        assertFalse(accounting.waited(sync, Duration.ofMinutes(5).toNanos(), 3), "not again in the same window");
        advance(Duration.ofMinutes(1));
        assertTrue(accounting.waited(sync, Duration.ofMinutes(5).toNanos(), 3), "again in the next window");
    }

    @Test
    void theReportCoversTheLastPeriodOnly() {
        accounting.sent(sync, BudgetAccounting.Kind.LOGIN);
        accounting.sent(sync, BudgetAccounting.Kind.CALL);
        advance(Duration.ofMinutes(10));
        accounting.sent(new CallTag("findAppointmentSlots", "booking-page", AeronaPriority.INTERACTIVE),
                BudgetAccounting.Kind.CALL);
        accounting.failedAtMaxWait(sync);
        assertEquals(3, accounting.report(0).requests());
        advance(Duration.ofMinutes(6));
        BudgetReport report = accounting.report(2);
        assertEquals(1, report.requests(), "the first two left the window");
        assertEquals(java.util.Map.of("booking-page", 1), report.byRoute());
        assertEquals(1, report.gaveUp());
        assertEquals(2, report.waitingNow());
        assertEquals(0, report.logins());
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
