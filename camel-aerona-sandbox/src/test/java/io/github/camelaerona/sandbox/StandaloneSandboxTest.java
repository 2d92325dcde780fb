package io.github.camelaerona.sandbox;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standalone sandbox as docs/sandbox.md starts it (its main class, the port and a --webhook target), in a JVM
 * of its own: Aerona's API answers, and events go to the application named on the command line, over TLS.
 */
class StandaloneSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSandboxInItsOwnProcessServesTheApiAndSendsWebhooksToTheTargetGivenAtStartup(@TempDir Path dir) throws Exception {
        // the application serves its webhooks over TLS, with a certificate the sandbox is told to trust
        SandboxCertificate certificate = SandboxCertificate.selfSigned("127.0.0.1");
        Path trustStore = certificate.writeTrustStore(dir.resolve("webhook-trust.p12"), "trust-pw");
        WebhookReceiver application = new WebhookReceiver("/aerona/appointment", certificate);
        List<String> received = application.received();
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String target = application.url("/aerona/appointment");
        Path log = dir.resolve("sandbox.log");
        Process sandbox = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AeronaSandbox.class.getName(),
                Integer.toString(port), "--webhook", "Appointment=" + target, "--webhook-trust-store", trustStore.toString(),
                "--webhook-trust-store-password", "trust-pw")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        String admin = "http://127.0.0.1:" + port + "/sandbox-admin";
        try {
            // a bound on the second JVM's start, not a speed check: under libfaketime (.ci/clock-matrix) on two busy
            // cores a JVM takes well over half a minute to serve its first request
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() ->
                    http.send(HttpRequest.newBuilder(URI.create(admin)).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode() == 200);
            assertTrue(Files.readString(log).contains("Appointment webhooks go to " + target), Files.readString(log));

            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/AeronaAPI/v1/login")).POST(HttpRequest.BodyPublishers.ofString("{\"username\":\""
                    + AeronaSandbox.DEFAULT_USERNAME + "\",\"password\":\"" + AeronaSandbox.DEFAULT_PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode());

            http.send(HttpRequest.newBuilder(URI.create(admin + "/appointments/34234"))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"appointmentStatusId\":3}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 1);
            JsonNode event = JSON.readTree(received.get(0));
            assertEquals(34234, event.get("id").asLong());
            assertEquals(3, event.get("appointmentStatusId").asInt());
        } finally {
            sandbox.destroy();
            application.close();
        }
        assertTrue(sandbox.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the sandbox stops with its process");
    }
}
