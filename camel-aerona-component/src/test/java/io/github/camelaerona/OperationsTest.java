package io.github.camelaerona;

import io.github.camelaerona.model.AeronaJson;
import io.github.camelaerona.api.AeronaOperation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.AppointmentSlot;
import io.github.camelaerona.model.AppointmentType;
import io.github.camelaerona.model.Clinician;
import io.github.camelaerona.model.Invoice;
import io.github.camelaerona.model.Patient;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.model.Practice;
import io.github.camelaerona.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation through a route, checked against what the sandbox received and what the route got back. */
class OperationsTest extends AeronaRouteTestSupport {

    private ProducerTemplate template;
    private LocalDate today;

    @BeforeEach
    void routes() throws Exception {
        today = today();
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices");
                from("direct:clinicians").to("aerona:getClinicians?practiceId=9876&appointmentTypeId=1864");
                from("direct:types").to("aerona:getAppointmentTypes?practiceId=9876&onsiteOnly=true");
                from("direct:slots").to("aerona:findAppointmentSlots?clinicianId=34567&appointmentTypeId=1864&timeOfDay=1");
                from("direct:book").to("aerona:createAppointment");
                from("direct:status").to("aerona:updateAppointmentStatus?appointmentStatusId=2");
                from("direct:payment").to("aerona:getPayment");
                from("direct:payments").to("aerona:searchPayments");
                from("direct:invoice").to("aerona:getInvoice?invoiceId=337200");
                from("direct:invoices").to("aerona:searchInvoices");
                from("direct:patient").to("aerona:getPatient");
                from("direct:raw").to("aerona:getPatient?rawJson=true");
                from("direct:any").to("aerona:getPractices");
            }
        });
        template = context.createProducerTemplate();
    }

    private RecordedRequest onlyApiRequest() {
        List<RecordedRequest> seen = sandbox.apiRequests();
        assertEquals(1, seen.size(), () -> "expected one API request, saw " + seen);
        RecordedRequest request = seen.get(0);
        assertNotNull(request.token(), "the AERONA-AUTH-TOKEN header is sent");
        assertEquals(200, request.status(), () -> "the sandbox accepted " + request);
        assertEquals(1, sandbox.logins().size(), "one login before the call");
        return request;
    }

    @Test
    void getPractices() {
        List<?> result = template.requestBody("direct:practices", null, List.class);
        RecordedRequest request = onlyApiRequest();
        assertEquals("GET", request.method());
        assertEquals("/practices", request.path());
        assertTrue(request.query().isEmpty());
        assertEquals(3, result.size());
        Practice first = assertInstanceOf(Practice.class, result.get(0));
        assertEquals(9876L, first.getId());
        assertEquals("Harbour Dental Care", first.getName());
    }

    @Test
    void getClinicians() {
        List<?> result = template.requestBody("direct:clinicians", null, List.class);
        RecordedRequest request = onlyApiRequest();
        assertEquals("GET", request.method());
        assertEquals("/clinicians", request.path());
        assertEquals(Map.of("practiceId", "9876", "appointmentTypeId", "1864"), request.query());
        assertEquals(sandbox.data().clinicians(9876L, 1864L).size(), result.size());
        for (Object c : result) {
            assertEquals(1, assertInstanceOf(Clinician.class, c).getClinicianTypeId());
        }
    }

    @Test
    void getAppointmentTypesWithHeaderOverridingTheUriOption() {
        List<?> result = template.requestBodyAndHeader("direct:types", null, AeronaConstants.PRACTICE_ID, 9878, List.class);
        RecordedRequest request = onlyApiRequest();
        assertEquals("/appointment-types", request.path());
        assertEquals(Map.of("practiceId", "9878", "onsiteOnly", "true"), request.query());
        assertFalse(result.isEmpty());
        for (Object t : result) {
            AppointmentType type = assertInstanceOf(AppointmentType.class, t);
            assertTrue(type.getOnsite());
            assertTrue(type.getPracticeIds().contains(9878L));
            assertInstanceOf(BigDecimal.class, type.getPrice());
        }
    }

    @Test
    void findAppointmentSlotsWithJavaTimeHeader() {
        LocalDate start = today.plusDays(1);
        List<?> result = template.requestBodyAndHeader("direct:slots", null, AeronaConstants.SEARCH_START, start, List.class);
        RecordedRequest request = onlyApiRequest();
        assertEquals("/find-appointment-slots", request.path());
        assertEquals(Map.of("clinicianId", "34567", "appointmentTypeId", "1864", "searchStart", start.toString(),
                "timeOfDay", "1"), request.query());
        assertEquals(50, result.size(), "the next 50 slots");
        List<Map<String, Object>> booked = sandbox.data().appointments();
        for (Object s : result) {
            AppointmentSlot slot = assertInstanceOf(AppointmentSlot.class, s);
            assertEquals(34567L, slot.getClinicianId());
            LocalTime local = slot.getStartTime().atZoneSameInstant(LONDON).toLocalTime();
            assertTrue(local.isBefore(LocalTime.NOON), "timeOfDay=1 means before 12pm, got " + local);
            for (Map<String, Object> a : booked) {
                if (a.get("userId").equals(34567L)) {
                    OffsetDateTime aStart = OffsetDateTime.parse((String) a.get("appointmentTime"));
                    OffsetDateTime aEnd = aStart.plusMinutes((Integer) a.get("duration"));
                    assertFalse(slot.getStartTime().isBefore(aEnd) && aStart.isBefore(slot.getEndTime()),
                            "slot " + slot.getStartTime() + " overlaps booked appointment " + a);
                }
            }
        }
    }

    @Test
    void createAppointmentFromModel() throws Exception {
        Appointment appointment = new Appointment();
        appointment.setPracticeId(9876L);
        appointment.setUserId(34567L);
        appointment.setAppointmentTypeId(1864L);
        appointment.setAppointmentStatusId(1);
        OffsetDateTime time = nextWeekdayAt(10);
        appointment.setAppointmentTime(time);
        appointment.setDuration(30);
        appointment.setPatientId(426709L);
        appointment.setEmergency(false);
        appointment.setAppointmentNotes("Patient is nervous.");

        Object id = template.requestBody("direct:book", appointment);
        RecordedRequest request = onlyApiRequest();
        assertEquals("POST", request.method());
        assertEquals("/appointments", request.path());
        JsonNode body = AeronaJson.mapper().readTree(request.body());
        assertEquals(9876L, body.get("practiceId").longValue());
        assertEquals(34567L, body.get("userId").longValue());
        assertEquals(1864L, body.get("appointmentTypeId").longValue());
        assertEquals(1, body.get("appointmentStatusId").intValue());
        assertEquals(time.toInstant(), OffsetDateTime.parse(body.get("appointmentTime").textValue()).toInstant());
        assertEquals(30, body.get("duration").intValue());
        assertEquals(426709L, body.get("patientId").longValue());
        assertEquals("Patient is nervous.", body.get("appointmentNotes").textValue());
        assertFalse(body.has("id"), "no id is sent for a new appointment");
        Long newId = assertInstanceOf(Long.class, id);
        assertEquals(426709L, sandbox.data().appointment(newId).get("patientId"));
    }

    @Test
    void createAppointmentFromMapAndFromJsonText() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("practiceId", 9876);
        map.put("userId", 34568);
        map.put("appointmentTypeId", 1864);
        map.put("appointmentStatusId", 2);
        map.put("appointmentTime", nextWeekdayAt(11).toString());
        map.put("duration", 30);
        map.put("patientId", 426701);
        Long fromMap = template.requestBody("direct:book", map, Long.class);
        String json = "{\"practiceId\":9876,\"userId\":34568,\"appointmentTypeId\":1864,\"appointmentStatusId\":2,"
                + "\"appointmentTime\":\"" + nextWeekdayAt(14) + "\",\"duration\":30,\"patientId\":426702}";
        Long fromJson = template.requestBody("direct:book", json, Long.class);
        assertEquals(fromMap + 1, fromJson);
        assertEquals(426701L, sandbox.data().appointment(fromMap).get("patientId"));
        assertEquals(426702L, sandbox.data().appointment(fromJson).get("patientId"));
        assertEquals(2, sandbox.requests(r -> r.path().equals("/appointments")).size());
    }

    @Test
    void updateAppointmentStatusFromUriOptionBodyAndHeader() throws Exception {
        long id = (Long) sandbox.data().appointments().get(0).get("id");
        // URI option appointmentStatusId=2; the body is a leftover id from an earlier step and is ignored
        Object result = template.requestBodyAndHeader("direct:status", 12345L, AeronaConstants.APPOINTMENT_ID, id);
        assertEquals(Boolean.TRUE, result);
        RecordedRequest request = onlyApiRequest();
        assertEquals("PUT", request.method());
        assertEquals("/appointments/" + id + "/status", request.path());
        assertEquals(2, AeronaJson.mapper().readTree(request.body()).get("appointmentStatusId").intValue());

        // the body wins over the URI option
        template.requestBodyAndHeader("direct:status", Map.of("appointmentStatusId", 7), AeronaConstants.APPOINTMENT_ID, id);
        assertEquals(7, sandbox.data().appointment(id).get("appointmentStatusId"));
        // the header wins over the body
        template.requestBodyAndHeaders("direct:status", "{\"appointmentStatusId\": 7}",
                Map.of(AeronaConstants.APPOINTMENT_ID, id, AeronaConstants.APPOINTMENT_STATUS_ID, "3"));
        assertEquals(3, sandbox.data().appointment(id).get("appointmentStatusId"));
        List<RecordedRequest> puts = sandbox.requests(r -> r.method().equals("PUT"));
        assertEquals(3, puts.size());
        assertEquals("{\"appointmentStatusId\":3}", puts.get(2).body());
    }

    @Test
    void getPayment() {
        Map<String, Object> expected = sandbox.data().payments().get(0);
        long id = (Long) expected.get("id");
        Payment payment = template.requestBodyAndHeader("direct:payment", null, AeronaConstants.PAYMENT_ID, id, Payment.class);
        RecordedRequest request = onlyApiRequest();
        assertEquals("GET", request.method());
        assertEquals("/payments/" + id, request.path());
        assertEquals(id, payment.getId());
        assertEquals(0, ((BigDecimal) expected.get("amount")).compareTo(payment.getAmount()));
        assertEquals(OffsetDateTime.parse((String) expected.get("paymentDate")), payment.getPaymentDate());
    }

    @Test
    void searchPayments() {
        LocalDate from = today.minusMonths(2);
        List<?> result = template.requestBodyAndHeaders("direct:payments", null,
                Map.of(AeronaConstants.FROM_DATE, from, AeronaConstants.TO_DATE, today.toString()), List.class);
        RecordedRequest request = onlyApiRequest();
        assertEquals("/payments/search", request.path());
        assertEquals(Map.of("fromDate", from.toString(), "toDate", today.toString()), request.query());
        assertEquals(sandbox.data().searchPayments(null, from, today).size(), result.size());
        assertFalse(result.isEmpty());
        for (Object p : result) {
            LocalDate date = assertInstanceOf(Payment.class, p).getPaymentDate()
                    .atZoneSameInstant(LONDON).toLocalDate();
            assertFalse(date.isBefore(from) || date.isAfter(today));
        }
    }

    @Test
    void getInvoice() {
        Invoice invoice = template.requestBody("direct:invoice", null, Invoice.class);
        RecordedRequest request = onlyApiRequest();
        assertEquals("/invoices/337200", request.path());
        Map<String, Object> expected = sandbox.data().invoice(337200);
        assertEquals(LocalDate.parse((String) expected.get("date")), invoice.getDate());
        assertEquals(0, ((BigDecimal) expected.get("price")).compareTo(invoice.getPrice()));
        assertEquals(0, new BigDecimal("20.00").compareTo(invoice.getVatRate()));
    }

    @Test
    void searchInvoicesForOnePatient() {
        long patientId = (Long) sandbox.data().invoices().get(0).get("patientId");
        LocalDate from = today.minusMonths(7);
        List<?> result = template.requestBodyAndHeaders("direct:invoices", null, Map.of(
                AeronaConstants.PATIENT_ID, String.valueOf(patientId), AeronaConstants.FROM_DATE, from,
                AeronaConstants.TO_DATE, today), List.class);
        RecordedRequest request = onlyApiRequest();
        assertEquals("/invoices/search", request.path());
        assertEquals(Map.of("patientId", String.valueOf(patientId), "fromDate", from.toString(), "toDate", today.toString()),
                request.query());
        assertFalse(result.isEmpty());
        result.forEach(i -> assertEquals(patientId, assertInstanceOf(Invoice.class, i).getPatientId()));
    }

    @Test
    void getPatientAndKeepUnknownFields() throws Exception {
        Patient patient = template.requestBodyAndHeader("direct:patient", null, AeronaConstants.PATIENT_ID, 426709L, Patient.class);
        RecordedRequest request = onlyApiRequest();
        assertEquals("/patients/426709", request.path());
        assertEquals("Cathal", patient.getForename());
        assertNotNull(patient.getDob());

        Map<String, Object> added = sandbox.data().addPayment(426709L, new BigDecimal("12.30"),
                Map.of("loyaltyPoints", 12, "channel", "kiosk"));
        Payment payment = template.requestBodyAndHeader("direct:payment", null, AeronaConstants.PAYMENT_ID, added.get("id"),
                Payment.class);
        assertEquals(12, payment.getAdditionalProperties().get("loyaltyPoints"));
        JsonNode back = AeronaJson.mapper().valueToTree(payment);
        assertEquals("kiosk", back.get("channel").textValue(), "unknown fields are written back out");
        assertEquals(new BigDecimal("12.30"), payment.getAmount());
        assertEquals("12.30", back.get("amount").decimalValue().toPlainString());
    }

    @Test
    void rawJsonReturnsTheReplyText() throws Exception {
        Object raw = template.requestBodyAndHeader("direct:raw", null, AeronaConstants.PATIENT_ID, 426709L);
        String text = assertInstanceOf(String.class, raw);
        assertEquals("Cathal", AeronaJson.mapper().readTree(text).get("forename").textValue());
    }

    @Test
    void operationHeaderSwitchesTheOperation() {
        Object result = template.requestBodyAndHeaders("direct:any", null,
                Map.of(AeronaConstants.OPERATION, "getPatient", AeronaConstants.PATIENT_ID, 426709L));
        assertInstanceOf(Patient.class, result);
        assertEquals("/patients/426709", onlyApiRequest().path());
        assertNull(sandbox.apiRequests().stream().filter(r -> r.path().equals("/practices")).findAny().orElse(null));
        Object typed = template.requestBodyAndHeader("direct:any", null, AeronaConstants.OPERATION, AeronaOperation.getPractices);
        assertEquals(3, ((List<?>) typed).size());
    }

    private OffsetDateTime nextWeekdayAt(int hour) {
        LocalDate day = today.plusDays(7);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        return day.atTime(hour, 0).atZone(LONDON).toOffsetDateTime();
    }
}
