package io.github.camelaerona.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's demo, end to end on camel-main against the sandbox. */
@WithAeronaSandbox(startTime = "2026-06-17T10:00:00Z")
class AeronaDemoTest {

    private AeronaSandbox sandbox;

    @TempDir
    Path dir;

    @Test
    void demoBooksConfirmsAndReports() throws Exception {
        DemoSummary summary = AeronaDemo.run(sandbox.baseUrl(), sandbox.username(), sandbox.password(), 426709L,
                sandbox, dir);

        List<String> lines = summary.lines();
        assertEquals(11, lines.size(), summary::toString);
        assertTrue(lines.get(0).startsWith("Practices:          3"), lines.get(0));
        Long booked = summary.bookedAppointmentId();
        assertNotNull(booked);
        Map<String, Object> appointment = sandbox.data().appointment(booked);
        assertEquals(2, appointment.get("appointmentStatusId"), "booked, then confirmed");
        assertEquals(426709L, appointment.get("patientId"));

        List<String> calls = sandbox.requests().stream().map(r -> r.method() + " " + r.path()).toList();
        assertEquals(List.of("POST /login", "GET /payments/search", "GET /practices", "GET /appointment-types",
                "GET /clinicians", "GET /find-appointment-slots", "POST /appointments",
                "PUT /appointments/" + booked + "/status", "GET /patients/426709", "GET /payments/search",
                "GET /invoices/search"), calls, "the poll first, then the booking flow");
        assertTrue(sandbox.requests().stream().allMatch(r -> r.status() == 200));
        RecordedRequest payments = sandbox.requests().get(9);
        assertEquals(2, payments.query().size(), "fromDate and toDate only: " + payments.query());

        LocalDate today = LocalDate.now(sandbox.clock().withZone(AeronaDemo.PRACTICE_ZONE));
        int lastMonth = sandbox.data().searchPayments(null, today.minusMonths(1), today).size();
        assertEquals(lastMonth, summary.paymentsPolled());
        try (var files = Files.list(dir.resolve("payments"))) {
            assertEquals(lastMonth, files.count(), "one file per payment");
        }
        assertEquals(2, summary.appointmentEvents(), "the booking and the confirmation came back as webhooks");
        assertEquals(List.of(200, 200), sandbox.webhooks().deliveries().stream().map(d -> d.status()).toList());
    }

    @Test
    void withoutAPatientNothingIsBooked() throws Exception {
        DemoSummary summary = AeronaDemo.run(sandbox.baseUrl(), sandbox.username(), sandbox.password(), null,
                sandbox, dir);
        assertEquals(null, summary.bookedAppointmentId());
        assertTrue(sandbox.requests(r -> r.method().equals("POST") && r.path().equals("/appointments")).isEmpty());
        assertEquals(7, summary.lines().size(), summary::toString);
        assertTrue(sandbox.webhooks().deliveries().isEmpty());
    }
}
