package io.github.camelaerona.examples;

import java.util.List;
import java.util.Map;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's demo, end to end on camel-main against the sandbox. */
class AeronaDemoTest {

    private AeronaSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = AeronaSandbox.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void demoBooksConfirmsAndReports() throws Exception {
        DemoSummary summary = AeronaDemo.run(sandbox.baseUrl(), sandbox.username(), sandbox.password(), 426709L);

        List<String> lines = summary.lines();
        assertEquals(9, lines.size(), summary::toString);
        assertTrue(lines.get(0).startsWith("Practices:          3"), lines.get(0));
        Long booked = summary.bookedAppointmentId();
        assertNotNull(booked);
        Map<String, Object> appointment = sandbox.data().appointment(booked);
        assertEquals(2, appointment.get("appointmentStatusId"), "booked, then confirmed");
        assertEquals(426709L, appointment.get("patientId"));

        List<String> calls = sandbox.requests().stream().map(r -> r.method() + " " + r.path()).toList();
        assertEquals(List.of("POST /login", "GET /practices", "GET /appointment-types", "GET /clinicians",
                "GET /find-appointment-slots", "POST /appointments", "PUT /appointments/" + booked + "/status",
                "GET /patients/426709", "GET /payments/search", "GET /invoices/search"), calls);
        assertTrue(sandbox.requests().stream().allMatch(r -> r.status() == 200));
        RecordedRequest payments = sandbox.requests().get(8);
        assertEquals(2, payments.query().size(), "fromDate and toDate only: " + payments.query());
    }

    @Test
    void withoutAPatientNothingIsBooked() throws Exception {
        DemoSummary summary = AeronaDemo.run(sandbox.baseUrl(), sandbox.username(), sandbox.password(), null);
        assertEquals(null, summary.bookedAppointmentId());
        assertTrue(sandbox.requests(r -> r.method().equals("POST") && r.path().equals("/appointments")).isEmpty());
        assertEquals(6, summary.lines().size(), summary::toString);
    }
}
