package io.github.camelaerona.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks as Aerona sends them: only to https URLs (plain http to loopback only), with the server's certificate
 * and host name verified against what the sandbox was told to trust.
 */
class WebhookTlsTest {

    private static final String PATH = "/aerona/appointment";
    private final HttpClient http = HttpClient.newHttpClient();
    private AeronaSandbox sandbox;
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private AeronaSandbox.Builder builder() {
        return AeronaSandbox.builder().startTime(Instant.parse("2026-06-17T10:00:00Z"));
    }

    private WebhookDelivery deliverOne(String url) {
        sandbox.webhooks().register("Appointment", url);
        sandbox.webhooks().publish("Appointment", Map.of("id", 34234, "appointmentStatusId", 3));
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.webhooks().deliveries().size() == 1);
        return sandbox.webhooks().deliveries().get(0);
    }

    @Test
    void plainHttpIsRefusedAtRegistrationExceptToLoopback() throws Exception {
        sandbox = builder().start();
        for (String url : List.of("http://integration.example.com/aerona/appointment?secret=s3cr3t",
                "http://10.1.2.3:8080/aerona?secret=s3cr3t", "ftp://integration.example.com/aerona", "/aerona/appointment")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> sandbox.webhooks().register("Appointment", url), url);
            assertTrue(refused.getMessage().contains("https"), refused.getMessage());
            assertFalse(refused.getMessage().contains("s3cr3t"), "the URL's query is not repeated: " + refused.getMessage());
        }
        for (String url : List.of("https://integration.example.com/aerona/appointment?secret=s3cr3t",
                "http://127.0.0.1:8080/aerona", "http://localhost:8080/aerona", "http://[::1]:8080/aerona",
                "HTTP://127.0.0.2/aerona")) {
            assertDoesNotThrow(() -> sandbox.webhooks().register("Patient", url), url);
        }
        assertEquals(Map.of("Patient", "HTTP://127.0.0.2/aerona"), sandbox.webhooks().targets(), "no refused URL kept");

        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create(sandbox.adminUrl() + "/webhooks/Treatment"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://integration.example.com/aerona/treatment\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, admin.statusCode());
        assertTrue(admin.body().contains("only to https URLs"), admin.body());
        assertFalse(sandbox.webhooks().targets().containsKey("Treatment"));
    }

    @Test
    void deliversOverTlsToACertificateItTrusts() throws Exception {
        SandboxCertificate certificate = SandboxCertificate.selfSigned("localhost", "127.0.0.1");
        receiver = new WebhookReceiver(PATH, certificate);
        sandbox = builder().webhookTrustStore(certificate.trustStore()).start();

        WebhookDelivery delivery = deliverOne(receiver.url(PATH));
        assertTrue(delivery.url().startsWith("https://127.0.0.1:"), delivery.url());
        assertEquals(200, delivery.status(), String.valueOf(delivery.failure()));
        assertEquals(1, receiver.received().size());
        assertEquals(34234, new ObjectMapper().readTree(receiver.received().get(0)).get("id").asInt());
    }

    @Test
    void aCertificateItWasNotToldToTrustGetsNothing() throws Exception {
        receiver = new WebhookReceiver(PATH, SandboxCertificate.selfSigned("127.0.0.1"));
        sandbox = builder().start(); // the JDK's authorities, which never signed a test certificate

        WebhookDelivery delivery = deliverOne(receiver.url(PATH));
        assertEquals(-1, delivery.status());
        assertTrue(delivery.failure().contains("certification path"), delivery.failure());
        assertTrue(receiver.received().isEmpty());
        assertEquals(1, sandbox.webhooks().pending(), "tried again in an hour, as any failed delivery");
    }

    @Test
    void theHostNameIsVerifiedEvenForATrustedCertificate() throws Exception {
        SandboxCertificate elsewhere = SandboxCertificate.selfSigned("integration.example.com");
        receiver = new WebhookReceiver(PATH, elsewhere);
        sandbox = builder().webhookTrustStore(elsewhere.trustStore()).start();

        WebhookDelivery delivery = deliverOne(receiver.url(PATH));
        assertEquals(-1, delivery.status());
        assertTrue(delivery.failure().contains("127.0.0.1"), "the address the certificate does not name: " + delivery.failure());
        assertTrue(receiver.received().isEmpty());
    }

    @Test
    void theAdminApiSetsWhatTheSenderTrusts(@TempDir Path dir) throws Exception {
        SandboxCertificate certificate = SandboxCertificate.selfSigned("127.0.0.1");
        receiver = new WebhookReceiver(PATH, certificate);
        sandbox = builder().start();
        String pem = new ObjectMapper().writeValueAsString(Map.of("certificates", certificate.pem()));
        assertEquals(200, adminPut("/webhook-trust", pem).statusCode());
        assertEquals(200, deliverOne(receiver.url(PATH)).status());

        // a trust store file, as a separately started application would point to its own
        Path store = certificate.writeTrustStore(dir.resolve("webhook-trust.p12"), "changeit");
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(sandbox.adminUrl() + "/webhook-trust")).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        sandbox.webhooks().clearDeliveries();
        sandbox.webhooks().publish("Appointment", Map.of("id", 34235));
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.webhooks().deliveries().size() == 1);
        assertEquals(-1, sandbox.webhooks().deliveries().get(0).status(), "back to the JDK's authorities");

        String file = new ObjectMapper().writeValueAsString(Map.of("trustStore", store.toString(), "password", "changeit"));
        assertEquals(200, adminPut("/webhook-trust", file).statusCode());
        sandbox.webhooks().clearDeliveries();
        sandbox.webhooks().publish("Appointment", Map.of("id", 34236));
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.webhooks().deliveries().size() == 1);
        assertEquals(200, sandbox.webhooks().deliveries().get(0).status());

        HttpResponse<String> wrong = adminPut("/webhook-trust", "{\"certificates\":\"not a certificate\"}");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("webhook trust PEM"), wrong.body());
    }

    private HttpResponse<String> adminPut(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.adminUrl() + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
