package io.github.camelaerona;

import io.github.camelaerona.api.AeronaValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every rule of the contract's Validation section: the exception names the operation and the field, and the
 * sandbox sees no request at all (not even a login).
 */
class ValidationTest extends AeronaRouteTestSupport {

    private ProducerTemplate template;

    @BeforeEach
    void routes() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("aerona:getPractices");
            }
        });
        template = context.createProducerTemplate();
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                // ids: positive whole numbers of at most 11 digits
                arguments("getPayment", Map.of("PaymentId", 0), "paymentId"),
                arguments("getPayment", Map.of("PaymentId", -5L), "paymentId"),
                arguments("getPayment", Map.of("PaymentId", 123456789012L), "paymentId"),
                arguments("getPayment", Map.of("PaymentId", "12a"), "paymentId"),
                arguments("getPayment", Map.of("PaymentId", new BigDecimal("1.5")), "paymentId"),
                arguments("getInvoice", Map.of("InvoiceId", "999999999999"), "invoiceId"),
                arguments("getPatient", Map.of("PatientId", " 42"), "patientId"),
                arguments("searchPayments", Map.of("PatientId", 0), "patientId"),
                arguments("searchInvoices", Map.of("PatientId", -1), "patientId"),
                arguments("getClinicians", Map.of("PracticeId", 0), "practiceId"),
                arguments("getClinicians", Map.of("AppointmentTypeId", 100000000000L), "appointmentTypeId"),
                arguments("getAppointmentTypes", Map.of("PracticeId", "x"), "practiceId"),
                arguments("updateAppointmentStatus", Map.of("AppointmentId", 0, "AppointmentStatusId", 2), "appointmentId"),
                arguments("findAppointmentSlots", slots("ClinicianId", 0), "clinicianId"),
                // required parameters
                arguments("getPayment", Map.of(), "paymentId"),
                arguments("getInvoice", Map.of(), "invoiceId"),
                arguments("getPatient", Map.of(), "patientId"),
                arguments("updateAppointmentStatus", Map.of("AppointmentStatusId", 2), "appointmentId"),
                arguments("updateAppointmentStatus", Map.of("AppointmentId", 5), "appointmentStatusId"),
                arguments("findAppointmentSlots", without(slots("ClinicianId", 34567), "AppointmentTypeId"), "appointmentTypeId"),
                arguments("findAppointmentSlots", without(slots("ClinicianId", 34567), "SearchStart"), "searchStart"),
                arguments("findAppointmentSlots", without(slots("ClinicianId", 34567), "TimeOfDay"), "timeOfDay"),
                // clinicianTypeId 1-16
                arguments("getAppointmentTypes", Map.of("ClinicianTypeId", 0), "clinicianTypeId"),
                arguments("getAppointmentTypes", Map.of("ClinicianTypeId", 17), "clinicianTypeId"),
                arguments("findAppointmentSlots", with(slots("ClinicianTypeId", 99), "PracticeId", 9876), "clinicianTypeId"),
                // appointmentStatusId 1-14 or 16
                arguments("updateAppointmentStatus", Map.of("AppointmentId", 5, "AppointmentStatusId", 15), "appointmentStatusId"),
                arguments("updateAppointmentStatus", Map.of("AppointmentId", 5, "AppointmentStatusId", 0), "appointmentStatusId"),
                arguments("updateAppointmentStatus", Map.of("AppointmentId", 5, "AppointmentStatusId", "17"), "appointmentStatusId"),
                // timeOfDay 0-3
                arguments("findAppointmentSlots", with(slots("ClinicianId", 34567), "TimeOfDay", 4), "timeOfDay"),
                arguments("findAppointmentSlots", with(slots("ClinicianId", 34567), "TimeOfDay", -1), "timeOfDay"),
                // exactly one of clinicianId and clinicianTypeId; practiceId with clinicianTypeId
                arguments("findAppointmentSlots", with(slots("ClinicianId", 34567), "ClinicianTypeId", 1), "clinicianId"),
                arguments("findAppointmentSlots", without(slots("ClinicianId", 34567), "ClinicianId"), "clinicianId"),
                arguments("findAppointmentSlots", slots("ClinicianTypeId", 1), "practiceId"),
                // dates yyyy-MM-dd
                arguments("searchPayments", Map.of("FromDate", "2024-13-01"), "fromDate"),
                arguments("searchPayments", Map.of("ToDate", "01/02/2024"), "toDate"),
                arguments("searchInvoices", Map.of("FromDate", "2023-02-29"), "fromDate"),
                arguments("searchInvoices", Map.of("ToDate", "2024-1-5"), "toDate"),
                arguments("findAppointmentSlots", with(slots("ClinicianId", 34567), "SearchStart", "next monday"), "searchStart"),
                // a window whose end is before its start
                arguments("searchPayments", Map.of("FromDate", "2026-06-10", "ToDate", "2026-06-01"), "toDate"),
                // booleans
                arguments("getAppointmentTypes", Map.of("IncludeDisabled", "yes"), "includeDisabled"),
                arguments("getAppointmentTypes", Map.of("OnsiteOnly", 1), "onsiteOnly"),
                arguments("getAppointmentTypes", Map.of("RemoteOnly", "TRUE "), "remoteOnly"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("violations")
    void ruleIsEnforcedBeforeSending(String operation, Map<String, Object> parameters, String field) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(AeronaConstants.OPERATION, operation);
        parameters.forEach((name, value) -> headers.put(AeronaConstants.HEADER_PREFIX + name, value));
        assertRejected(operation, field, () -> template.requestBodyAndHeaders("direct:call", null, headers));
    }

    static Stream<Arguments> badAppointments() {
        return Stream.of(
                arguments(null, "body"),
                arguments("not json", "body"),
                arguments("[1, 2]", "body"),
                arguments(42L, "body"),
                arguments(appointment("practiceId", null), "practiceId"),
                arguments(appointment("userId", 0), "userId"),
                arguments(appointment("appointmentTypeId", "abc"), "appointmentTypeId"),
                arguments(appointment("patientId", 123456789012L), "patientId"),
                arguments(appointment("appointmentStatusId", 15), "appointmentStatusId"),
                arguments(appointment("appointmentTime", "2030-01-19T13:30:00"), "appointmentTime"),
                arguments(appointment("appointmentTime", "2030-01-19"), "appointmentTime"),
                arguments(appointment("appointmentTime", null), "appointmentTime"),
                arguments(appointment("duration", 0), "duration"),
                arguments(appointment("duration", 1000000), "duration"),
                arguments(appointment("duration", null), "duration"),
                arguments(appointment("emergency", "maybe"), "emergency"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badAppointments")
    void createAppointmentBodyIsChecked(Object body, String field) {
        Map<String, Object> headers = Map.of(AeronaConstants.OPERATION, "createAppointment");
        assertRejected("createAppointment", field, () -> template.requestBodyAndHeaders("direct:call", body, headers));
    }

    @Test
    void validAppointmentPassesTheSameChecks() {
        Map<String, Object> headers = Map.of(AeronaConstants.OPERATION, "createAppointment");
        Object id = template.requestBodyAndHeaders("direct:call", appointment("appointmentNotes", "ok"), headers);
        assertInstanceOf(Long.class, id);
        assertEquals(1, sandbox.apiRequests().size());
    }

    @ParameterizedTest
    @CsvSource({ "getPayment?paymentId=0, getPayment, paymentId",
        "searchPayments?fromDate=2026-13-45, searchPayments, fromDate",
        "findAppointmentSlots?timeOfDay=7, findAppointmentSlots, timeOfDay",
        "searchInvoices?initialFromDate=yesterday, searchInvoices, initialFromDate",
        "searchInvoices?fromDate=2026-06-10&toDate=2026-06-01, searchInvoices, toDate" })
    void invalidUriValueFailsTheRouteAtStartup(String uri, String operation, String field) {
        Exception e = assertThrows(Exception.class, () -> startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad").to("aerona:" + uri);
            }
        }));
        Throwable cause = e;
        while (cause != null && !(cause instanceof AeronaValidationException)) {
            cause = cause.getCause();
        }
        AeronaValidationException invalid = assertInstanceOf(AeronaValidationException.class, cause, e::toString);
        assertEquals(operation, invalid.getOperation());
        assertEquals(field, invalid.getField());
        assertTrue(sandbox.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void unknownOperationHeader() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("direct:call", null, AeronaConstants.OPERATION, "deletePatient"));
        AeronaValidationException cause = assertInstanceOf(AeronaValidationException.class, e.getCause());
        assertEquals(AeronaConstants.OPERATION, cause.getField());
        assertTrue(sandbox.requests().isEmpty());
    }

    @Test
    void webhookIsNotAProducerOperation() {
        assertRejected("webhook", "operation",
                () -> template.requestBodyAndHeader("direct:call", null, AeronaConstants.OPERATION, "webhook"));
    }

    private void assertRejected(String operation, String field, org.junit.jupiter.api.function.Executable call) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, call);
        AeronaValidationException cause = assertInstanceOf(AeronaValidationException.class, e.getCause(),
                () -> "expected a validation failure, got " + e.getCause());
        assertInstanceOf(IllegalArgumentException.class, cause);
        assertEquals(operation, cause.getOperation());
        assertEquals(field, cause.getField(), cause::getMessage);
        assertTrue(cause.getMessage().contains(operation) && cause.getMessage().contains(field), cause.getMessage());
        assertTrue(sandbox.requests().isEmpty(), () -> "no request may reach Aerona, saw " + sandbox.requests());
    }

    private static Map<String, Object> slots(String clinicianParameter, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(clinicianParameter, value);
        m.put("AppointmentTypeId", 1864);
        m.put("SearchStart", LocalDate.ofInstant(NOW, LONDON).plusDays(1));
        m.put("TimeOfDay", 0);
        return m;
    }

    private static Map<String, Object> with(Map<String, Object> m, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> m, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        copy.remove(name);
        return copy;
    }

    private static Map<String, Object> appointment(String field, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("practiceId", 9876);
        m.put("userId", 34567);
        m.put("appointmentTypeId", 1864);
        m.put("appointmentStatusId", 1);
        m.put("appointmentTime", LocalDate.ofInstant(NOW, LONDON).plusDays(10).atTime(16, 0) + "+00:00");
        m.put("duration", 30);
        m.put("patientId", 426709);
        m.put(field, value);
        return m;
    }
}
