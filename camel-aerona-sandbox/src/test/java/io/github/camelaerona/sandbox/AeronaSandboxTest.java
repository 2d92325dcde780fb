package io.github.camelaerona.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox behaves as the API page describes, seen through a plain JDK HTTP client. */
class AeronaSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Wednesday morning; tests that are about other times pin their own. */
    private static final Instant NOW = Instant.parse("2026-06-17T10:00:00Z");
    private AeronaSandbox sandbox;
    private HttpClient http = HttpClient.newHttpClient();

    private static AeronaSandbox.Builder pinned() {
        return AeronaSandbox.builder().startTime(NOW);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("AERONA-AUTH-TOKEN", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login() throws Exception {
        HttpResponse<String> r = call("POST", "/login", null,
                "{\"username\":\"" + sandbox.username() + "\",\"password\":\"" + sandbox.password() + "\"}");
        assertEquals(200, r.statusCode());
        return r.headers().firstValue("AERONA-AUTH-TOKEN").orElseThrow();
    }

    @Test
    void loginTokenAndExpiry() throws Exception {
        sandbox = pinned().start();
        assertEquals(401, call("POST", "/login", null, "{\"username\":\"sandbox-user\",\"password\":\"nope\"}").statusCode());
        assertEquals(401, call("GET", "/practices", null, null).statusCode());
        assertEquals(401, call("GET", "/practices", "made-up", null).statusCode());
        String token = login();
        assertEquals(200, call("GET", "/practices", token, null).statusCode());
        sandbox.clock().advance(Duration.ofMinutes(59));
        assertEquals(200, call("GET", "/practices", token, null).statusCode());
        sandbox.clock().advance(Duration.ofMinutes(2));
        HttpResponse<String> expired = call("GET", "/practices", token, null);
        assertEquals(401, expired.statusCode());
        assertTrue(expired.body().contains("expired"));
        assertEquals(1, sandbox.stats().logins());
    }

    @Test
    void goingOverTheRateLimitInvalidatesTheToken() throws Exception {
        sandbox = pinned().rateLimit(3, Duration.ofMinutes(1)).start();
        String token = login();                                                 // 1
        assertEquals(200, call("GET", "/practices", token, null).statusCode()); // 2
        assertEquals(200, call("GET", "/practices", token, null).statusCode()); // 3
        assertEquals(429, call("GET", "/practices", token, null).statusCode()); // 4: over
        assertEquals(401, call("GET", "/practices", token, null).statusCode(), "the token is gone");
        SandboxStats stats = sandbox.stats();
        assertEquals(1, stats.invalidatedTokens());
        assertEquals(4, stats.maxInWindow());
        sandbox.clock().advance(Duration.ofMinutes(2));
        String fresh = login();
        assertEquals(200, call("GET", "/practices", fresh, null).statusCode(), "a new window, a new token");
    }

    @Test
    void slotsRespectBandsAndBookings() throws Exception {
        sandbox = pinned().start();
        String token = login();
        LocalDate start = LocalDate.ofInstant(NOW, LONDON).plusDays(1);
        String query = "/find-appointment-slots?clinicianId=34567&appointmentTypeId=1866&searchStart=" + start + "&timeOfDay=2";
        JsonNode slots = JSON.readTree(call("GET", query, token, null).body());
        assertEquals(50, slots.size());
        for (JsonNode slot : slots) {
            LocalTime t = OffsetDateTime.parse(slot.get("startTime").asText()).atZoneSameInstant(LONDON).toLocalTime();
            assertTrue(!t.isBefore(LocalTime.NOON) && t.isBefore(LocalTime.of(17, 0)), "band 2: " + t);
            assertEquals(60, slot.get("duration").asInt());
        }
        JsonNode first = slots.get(0);
        String booking = "{\"practiceId\":9876,\"userId\":34567,\"appointmentTypeId\":1866,\"appointmentStatusId\":1,"
                + "\"appointmentTime\":\"" + first.get("startTime").asText() + "\",\"duration\":60,\"patientId\":426700}";
        HttpResponse<String> booked = call("POST", "/appointments", token, booking);
        assertEquals(200, booked.statusCode(), booked.body());
        assertEquals(409, call("POST", "/appointments", token, booking).statusCode(), "the slot is taken now");
        JsonNode after = JSON.readTree(call("GET", query, token, null).body());
        for (JsonNode slot : after) {
            OffsetDateTime s = OffsetDateTime.parse(slot.get("startTime").asText());
            OffsetDateTime b = OffsetDateTime.parse(first.get("startTime").asText());
            assertFalse(s.isBefore(b.plusMinutes(60)) && b.isBefore(s.plusMinutes(60)), "overlaps the booking: " + s);
        }
        // cancelling frees the time again
        long id = Long.parseLong(booked.body());
        assertEquals("true", call("PUT", "/appointments/" + id + "/status", token, "{\"appointmentStatusId\":5}").body());
        assertEquals(first.get("startTime"), JSON.readTree(call("GET", query, token, null).body()).get(0).get("startTime"));
        assertEquals("false", call("PUT", "/appointments/99999/status", token, "{\"appointmentStatusId\":5}").body());
    }

    @Test
    void serverSideValidationMirrorsTheApi() throws Exception {
        sandbox = pinned().start();
        String token = login();
        String day = LocalDate.ofInstant(NOW, LONDON).toString();
        assertEquals(400, call("GET", "/payments/0", token, null).statusCode());
        assertEquals(400, call("GET", "/payments/123456789012", token, null).statusCode());
        assertEquals(400, call("GET", "/payments/search?fromDate=2024-13-01", token, null).statusCode());
        assertEquals(400, call("GET", "/find-appointment-slots?clinicianTypeId=1&appointmentTypeId=1864&searchStart="
                + day + "&timeOfDay=0", token, null).statusCode(), "practiceId is required with clinicianTypeId");
        assertEquals(400, call("GET", "/find-appointment-slots?clinicianId=34567&clinicianTypeId=1&practiceId=9876"
                + "&appointmentTypeId=1864&searchStart=" + day + "&timeOfDay=0", token, null).statusCode());
        assertEquals(400, call("GET", "/find-appointment-slots?clinicianId=34567&appointmentTypeId=1864&searchStart="
                + day + "&timeOfDay=4", token, null).statusCode());
        assertEquals(400, call("PUT", "/appointments/5/status", token, "{\"appointmentStatusId\":15}").statusCode());
        assertEquals(405, call("DELETE", "/practices", token, null).statusCode());
        assertEquals(404, call("GET", "/payments/1", token, null).statusCode());
    }

    @Test
    void faultsAndTheRequestLog() throws Exception {
        sandbox = pinned().start();
        String token = login();
        sandbox.injectFault(SandboxFault.status(503, "{\"error\":\"down\"}").path("/practices").times(2));
        assertEquals(503, call("GET", "/practices", token, null).statusCode());
        assertEquals(503, call("GET", "/practices", token, null).statusCode());
        assertEquals(200, call("GET", "/practices", token, null).statusCode());
        // always: the JDK client repeats a GET once when its connection drops
        sandbox.injectFault(SandboxFault.dropConnection().method("GET").path("/patients").always());
        assertThrows(IOException.class, () -> call("GET", "/patients/426700", token, null));
        sandbox.clearFaults();
        sandbox.injectFault(SandboxFault.malformedJson().path("/payments"));
        HttpResponse<String> broken = call("GET", "/payments/187900", token, null);
        assertThrows(IOException.class, () -> JSON.readTree(broken.body()));
        List<RecordedRequest> log = sandbox.requests();
        List<Integer> statuses = log.stream().map(RecordedRequest::status).toList();
        assertEquals(List.of(200, 503, 503, 200, -1), statuses.subList(0, 5));
        assertEquals(200, statuses.get(statuses.size() - 1));
        assertEquals(token, log.get(1).token());
        assertNotNull(log.get(0).at());
    }

    @Test
    void webhookIsRetriedHourlyUpTo24MoreTimes() throws Exception {
        sandbox = pinned().start();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        sandbox.webhooks().register("Patient", "http://127.0.0.1:" + closedPort + "/aerona/patient");
        sandbox.data().updatePatient(426709L, Map.of("mobile", "07700 900999"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.webhooks().deliveries().size() == 1);
        for (int retry = 1; retry <= SandboxWebhooks.MAX_RETRIES; retry++) {
            int expected = retry + 1;
            sandbox.clock().advance(SandboxWebhooks.RETRY_INTERVAL);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> sandbox.webhooks().deliveries().size() == expected);
        }
        assertEquals(0, sandbox.webhooks().pending(), "given up after 24 retries");
        sandbox.clock().advance(SandboxWebhooks.RETRY_INTERVAL);
        List<WebhookDelivery> deliveries = sandbox.webhooks().deliveries();
        assertEquals(25, deliveries.size());
        assertEquals(25, deliveries.get(24).attempt());
        assertTrue(deliveries.stream().allMatch(d -> d.status() == -1 && d.eventId() == deliveries.get(0).eventId()));
        assertTrue(deliveries.get(0).body().contains("07700 900999"));
        Duration gap = Duration.between(deliveries.get(0).at(), deliveries.get(1).at());
        assertTrue(gap.compareTo(Duration.ofHours(1)) >= 0 && gap.compareTo(Duration.ofMinutes(61)) < 0,
                "an hour apart on the sandbox clock, was " + gap);
    }

    @Test
    void httpsWithTheBundledTrustStore() throws Exception {
        sandbox = pinned().https(true).start();
        assertTrue(sandbox.baseUrl().startsWith("https://127.0.0.1:"));
        http = HttpClient.newBuilder().sslContext(AeronaSandbox.clientSslContext()).build();
        String token = login();
        assertEquals(200, call("GET", "/practices", token, null).statusCode());
    }
}
