package io.github.camelaerona.model;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.sandbox.AeronaSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record in a log line shows what identifies it and nothing about the person: read from the sandbox's own data. */
class ModelToStringTest {

    private static final ObjectMapper JSON = AeronaJson.mapper();
    private static AeronaSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = AeronaSandbox.builder().startTime(java.time.Instant.parse("2026-06-17T10:00:00Z")).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aPatientShowsItsIdsAndNothingPersonal() {
        Map<String, Object> source = sandbox.data().patient(426709L);
        Patient patient = JSON.convertValue(source, Patient.class);
        String text = patient.toString();
        assertEquals("Patient{id=426709, practiceId=" + source.get("practiceId") + "}", text);
        for (String personal : new String[] { "forename", "surname", "dob", "address1", "town", "postcode", "email",
                "mobile", "genderId" }) {
            Object value = source.get(personal);
            if (value != null && !String.valueOf(value).isBlank()) {
                assertFalse(text.contains(String.valueOf(value)), personal + " is in " + text);
            }
        }
    }

    @Test
    void financialRecordsShowTheirAmountsDatesAndStatus() {
        Map<String, Object> invoiceSource = sandbox.data().invoices().get(0);
        Invoice invoice = JSON.convertValue(invoiceSource, Invoice.class);
        assertTrue(invoice.toString().startsWith("Invoice{id=" + invoiceSource.get("id") + ", patientId="), invoice.toString());
        assertTrue(invoice.toString().contains("price=" + invoice.getPrice()), invoice.toString());
        assertTrue(invoice.toString().contains("status=" + invoice.getStatus()), invoice.toString());

        Payment payment = JSON.convertValue(sandbox.data().payments().get(0), Payment.class);
        assertTrue(payment.toString().contains("amount=" + payment.getAmount()), payment.toString());
        if (payment.getPaymentNote() != null) {
            assertFalse(payment.toString().contains(payment.getPaymentNote()), "notes stay out");
        }
    }

    @Test
    void anAppointmentShowsItsTimeButNotItsNotes() {
        Appointment appointment = new Appointment();
        appointment.setId(5L);
        appointment.setPatientId(426709L);
        appointment.setAppointmentNotes("toothache, anxious patient");
        appointment.setDuration(30);
        assertEquals("Appointment{id=5, duration=30, patientId=426709}", appointment.toString());
    }
}
