package io.github.camelaerona.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's admin API, used as an application started separately would: only HTTP, no Java handle on the
 * sandbox. Each call is checked by what the Aerona API then answers.
 */
class SandboxAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private AeronaSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = AeronaSandbox.builder().startTime(Instant.parse("2026-06-17T10:00:00Z")).start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void usersAndRecordsAddedOverHttpAreServedByTheApi() throws Exception {
        assertEquals(201, admin("POST", "/users", "{\"username\":\"finance\",\"password\":\"pw-1\"}").statusCode());
        String token = login("finance", "pw-1");

        HttpResponse<String> added = admin("POST", "/payments", "{\"patientId\":426709,\"amount\":45.50,\"paymentMethod\":\"Card\"}");
        assertEquals(201, added.statusCode(), added.body());
        long paymentId = JSON.readTree(added.body()).get("id").asLong();
        JsonNode payment = JSON.readTree(api("GET", "/payments/" + paymentId, token, null).body());
        assertEquals(0, payment.get("amount").decimalValue().compareTo(new java.math.BigDecimal("45.50")));
        assertEquals("Card", payment.get("paymentMethod").asText());

        HttpResponse<String> invoice = admin("POST", "/invoices", "{\"patientId\":426709,\"saleItem\":\"Check-up\",\"price\":60}");
        long invoiceId = JSON.readTree(invoice.body()).get("id").asLong();
        assertEquals(200, api("GET", "/invoices/" + invoiceId, token, null).statusCode());

        assertEquals(400, admin("POST", "/payments", "{\"amount\":1}").statusCode(), "patientId is required");
        assertEquals(404, admin("POST", "/nothing", "{}").statusCode());
    }

    @Test
    void webhookTargetsRegisteredOverHttpReceiveTheEventsOfChanges() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("/hooks/appointment")) {
            List<String> received = receiver.received();
            String url = receiver.url("/hooks/appointment");
            assertEquals(200, admin("PUT", "/webhooks/Appointment", "{\"url\":\"" + url + "\"}").statusCode());
            long appointmentId = ((Number) sandbox.data().appointments().get(0).get("id")).longValue();
            assertEquals(200, admin("PATCH", "/appointments/" + appointmentId, "{\"appointmentStatusId\":3}").statusCode());

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            JsonNode event = JSON.readTree(received.get(0));
            assertEquals(appointmentId, event.get("id").asLong());
            assertEquals(3, event.get("appointmentStatusId").asInt());
            JsonNode webhooks = JSON.readTree(admin("GET", "/webhooks", null).body());
            assertEquals(url, webhooks.get("targets").get("Appointment").asText());
            assertEquals(200, webhooks.get("deliveries").get(0).get("status").asInt());

            assertEquals(400, admin("PUT", "/webhooks/Invoice", "{\"url\":\"" + url + "\"}").statusCode());
        }
    }

    @Test
    void theClockMovedOverHttpExpiresTokens() throws Exception {
        String token = login(sandbox.username(), sandbox.password());
        assertEquals(200, api("GET", "/practices", token, null).statusCode());
        HttpResponse<String> moved = admin("POST", "/clock", "{\"advance\":\"PT2H\"}");
        assertEquals("PT2H", JSON.readTree(moved.body()).get("clockOffset").asText());
        assertEquals(401, api("GET", "/practices", token, null).statusCode(), "a token lives one hour");
        assertEquals(400, admin("POST", "/clock", "{\"advance\":\"-PT1H\"}").statusCode(), "never backwards");
    }

    @Test
    void faultsInjectedOverHttpAndTheRequestLog() throws Exception {
        String token = login(sandbox.username(), sandbox.password());
        assertEquals(201, admin("POST", "/faults", "{\"kind\":\"status\",\"status\":503,\"path\":\"/payments\",\"times\":1}")
                .statusCode());
        assertEquals(503, api("GET", "/payments/187900", token, null).statusCode());
        assertEquals(200, api("GET", "/payments/187900", token, null).statusCode(), "once only");

        admin("POST", "/faults", "{\"kind\":\"status\",\"status\":500}");
        assertEquals(200, admin("DELETE", "/faults", null).statusCode());
        assertEquals(200, api("GET", "/practices", token, null).statusCode(), "cleared");

        JsonNode log = JSON.readTree(admin("GET", "/requests", null).body());
        assertEquals(4, log.size(), "the login and three calls");
        assertEquals(503, log.get(1).get("status").asInt());
        assertTrue(log.get(1).get("withToken").asBoolean());
        assertFalse(log.toString().contains(sandbox.password()), "no bodies, no tokens");
        assertFalse(log.toString().contains(token));
        assertEquals(200, admin("DELETE", "/requests", null).statusCode());
        assertEquals(0, sandbox.requests().size());
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(method, sandbox.adminUrl() + path, null, body);
    }

    private HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        return send(method, sandbox.baseUrl() + path, token, body);
    }

    private HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("AERONA-AUTH-TOKEN", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(String username, String password) throws Exception {
        HttpResponse<String> reply = api("POST", "/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, reply.statusCode(), reply.body());
        return reply.headers().firstValue("AERONA-AUTH-TOKEN").orElseThrow();
    }
}
