package io.github.camelaerona.internal.consumer;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The polling cursor on its own: where windows start and end as records are delivered or fail. */
class PollCursorTest {

    private static final LocalDate START = LocalDate.of(2026, 5, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

    @Test
    void firstWindowRunsFromTheInitialDateToToday() {
        PollCursor cursor = new PollCursor(START, 1);
        assertEquals(START, cursor.windowStart());
        assertEquals(TODAY, cursor.windowEnd(cursor.windowStart(), TODAY));
        assertNull(cursor.newestDelivered());
    }

    @Test
    void laterWindowsStartLookbackDaysBeforeTheNewestDelivered() {
        PollCursor cursor = new PollCursor(START, 2);
        cursor.delivered("searchPayments:1", LocalDate.of(2026, 6, 10));
        cursor.delivered("searchPayments:2", LocalDate.of(2026, 6, 3)); // older: the cursor never moves back
        assertEquals(LocalDate.of(2026, 6, 10), cursor.newestDelivered());
        assertEquals(LocalDate.of(2026, 6, 8), cursor.windowStart());
    }

    @Test
    void neverBeforeTheInitialDate() {
        PollCursor cursor = new PollCursor(START, 30);
        cursor.delivered("searchPayments:1", START.plusDays(3));
        assertEquals(START, cursor.windowStart());
    }

    @Test
    void aFailedRecordHoldsTheWindowBackUntilDelivered() {
        PollCursor cursor = new PollCursor(START, 1);
        cursor.delivered("searchPayments:2", LocalDate.of(2026, 6, 15));
        cursor.failed("searchPayments:1", LocalDate.of(2026, 5, 20));
        assertEquals(LocalDate.of(2026, 5, 20), cursor.windowStart(), "back at the failed record, however old");
        cursor.delivered("searchPayments:1", LocalDate.of(2026, 5, 20));
        assertEquals(LocalDate.of(2026, 6, 14), cursor.windowStart(), "released once delivered");
    }

    @Test
    void aWindowEndsNoEarlierThanItStarts() {
        PollCursor cursor = new PollCursor(TODAY.plusDays(3), 1);
        assertEquals(TODAY.plusDays(3), cursor.windowEnd(cursor.windowStart(), TODAY));
    }
}
