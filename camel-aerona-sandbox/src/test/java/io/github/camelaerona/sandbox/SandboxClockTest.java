package io.github.camelaerona.sandbox;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox on the edges of the calendar: the last minute of a year, London's spring-forward night, the first
 * minutes of a month, and a UTC evening that is already tomorrow in London. Whatever the machine's date.
 */
class SandboxClockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = { "2026-12-31T23:59:00Z", "2027-03-28T00:30:00Z", "2027-03-01T00:05:00Z",
        "2026-05-31T23:30:00Z", "2026-11-25T11:40:00Z" })
    void seededDataIsTheSameForTheSameClockAndNeverLaterThanNow(String start) throws Exception {
        Instant now = Instant.parse(start);
        try (AeronaSandbox one = AeronaSandbox.builder().startTime(now).start();
             AeronaSandbox two = AeronaSandbox.builder().startTime(now).start()) {
            assertEquals(one.data().payments(), two.data().payments(), "same seed and clock, same payments");
            assertEquals(one.data().invoices(), two.data().invoices(), "same seed and clock, same invoices");
            LocalDate today = LocalDate.ofInstant(now, LONDON);
            for (Map<String, Object> p : one.data().payments()) {
                assertFalse(OffsetDateTime.parse((String) p.get("paymentDate")).toInstant().isAfter(now), p.toString());
                assertFalse(OffsetDateTime.parse((String) p.get("dateModified")).toInstant().isAfter(now), p.toString());
            }
            for (Map<String, Object> i : one.data().invoices()) {
                assertFalse(LocalDate.parse((String) i.get("date")).isAfter(today), i.toString());
                assertFalse(OffsetDateTime.parse((String) i.get("dateCompleted")).toInstant().isAfter(now), i.toString());
            }
            assertTrue(one.data().payments().size() == 80 && one.data().invoices().size() == 80);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-12-31T23:59:00Z", "2027-03-28T00:30:00Z", "2027-03-01T00:05:00Z",
        "2026-05-31T23:30:00Z" })
    void thisMonthAndTodayAreThePracticesAndAnAddedRecordComesLast(String start) throws Exception {
        Instant now = Instant.parse(start);
        try (AeronaSandbox sandbox = AeronaSandbox.builder().startTime(now).start()) {
            String token = login(sandbox);
            LocalDate today = LocalDate.ofInstant(now, LONDON);
            Map<String, Object> added = sandbox.data().addPayment(426705L, new BigDecimal("99.95"), null);
            Map<String, Object> invoice = sandbox.data().addInvoice(426705L, "Crown", new BigDecimal("450.00"), null);
            assertEquals(today.toString(), invoice.get("date"), "an added invoice is dated today in the practice's zone");

            JsonNode payments = JSON.readTree(call(sandbox, "/payments/search", token).body());
            List<Map<String, Object>> thisMonth = sandbox.data().searchPayments(null, today.withDayOfMonth(1), today);
            assertEquals(thisMonth.size(), payments.size(), "no dates: this month in the practice's zone, to today");
            assertEquals(added.get("id"), payments.get(payments.size() - 1).get("id").asLong(), "the newest is last");
            JsonNode invoices = JSON.readTree(call(sandbox, "/invoices/search?fromDate=" + today, token).body());
            assertEquals(invoice.get("id"), invoices.get(invoices.size() - 1).get("id").asLong());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-06-17T22:50:00Z", "2027-03-28T00:30:00Z", "2026-12-31T23:59:00Z" })
    void slotsNearMidnightStartAfterNowAndOnThePracticesToday(String start) throws Exception {
        Instant now = Instant.parse(start);
        try (AeronaSandbox sandbox = AeronaSandbox.builder().startTime(now).start()) {
            String token = login(sandbox);
            LocalDate utcYesterday = LocalDate.ofInstant(now, ZoneId.of("UTC")).minusDays(1);
            JsonNode slots = JSON.readTree(call(sandbox, "/find-appointment-slots?clinicianId=34567&appointmentTypeId=1864"
                    + "&searchStart=" + utcYesterday + "&timeOfDay=0", token).body());
            assertEquals(50, slots.size());
            for (JsonNode slot : slots) {
                assertTrue(OffsetDateTime.parse(slot.get("startTime").asText()).toInstant().isAfter(now), slot.toString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-06-17T10:00:00Z", "2027-03-27T23:59:00Z" })
    void aRecordGivenALaterDateIsNotServedUntilTheClockReachesIt(String start) throws Exception {
        Instant now = Instant.parse(start);
        try (AeronaSandbox sandbox = AeronaSandbox.builder().startTime(now).start()) {
            String token = login(sandbox);
            String later = OffsetDateTime.ofInstant(now.plus(Duration.ofHours(2)), LONDON).toString();
            Map<String, Object> added = sandbox.data().addPayment(426705L, new BigDecimal("10.00"), Map.of("paymentDate", later));
            String window = "/payments/search?fromDate=" + LocalDate.ofInstant(now, LONDON).minusDays(1)
                    + "&toDate=" + LocalDate.ofInstant(now, LONDON).plusDays(2);
            assertFalse(call(sandbox, window, token).body().contains("\"id\":" + added.get("id")), "not yet");
            sandbox.clock().advance(Duration.ofHours(3));
            assertTrue(call(sandbox, window, login(sandbox)).body().contains("\"id\":" + added.get("id")), "now it is");
        }
    }

    private HttpResponse<String> call(AeronaSandbox sandbox, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).header("AERONA-AUTH-TOKEN", token)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(AeronaSandbox sandbox) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + sandbox.username() + "\",\"password\":\""
                        + sandbox.password() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return r.headers().firstValue("AERONA-AUTH-TOKEN").orElseThrow();
    }
}
