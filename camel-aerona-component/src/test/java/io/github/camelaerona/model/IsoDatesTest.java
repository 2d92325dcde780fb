package io.github.camelaerona.model;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hand-read common forms of date-times agree with java.time, and everything else is java.time's to judge. */
class IsoDatesTest {

    @Test
    void readsWhatOffsetDateTimeParseReadsTheSame() {
        for (String text : List.of("2030-01-19T13:30:00Z", "2030-01-19T13:30Z", "2030-01-19T13:30:00.5+01:00",
                "2026-03-29T01:59:59.123456789-05:30", "2024-02-29T23:59:59+14:00", "2030-01-19T13:30:00.000Z",
                "+12030-01-19T13:30:00Z", "2030-01-19T13:30:00+01:00:30", "2030-01-19T13:30:00.Z")) {
            assertEquals(OffsetDateTime.parse(text), IsoDates.parseDateTime(text), text);
        }
    }

    @Test
    void refusesWhatOffsetDateTimeParseRefuses() {
        for (String text : List.of("2030-02-30T13:30:00Z", "2030-01-19T24:00:00Z", "2030-01-19T13:30:00",
                "2030-01-19T13:30:00+19:00", "2030-01-19 13:30:00Z", "2030-1-19T13:30:00Z",
                "2030-01-19T13:30:00.1234567890Z", "2030-01-19T13:3a:00Z")) {
            assertThrows(DateTimeException.class, () -> IsoDates.parseDateTime(text), text);
        }
    }
}
