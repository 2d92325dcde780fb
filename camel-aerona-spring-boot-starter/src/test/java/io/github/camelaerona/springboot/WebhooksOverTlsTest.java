package io.github.camelaerona.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.SandboxCertificate;
import io.github.camelaerona.sandbox.WebhookProbe;
import io.github.camelaerona.sandbox.WebhookDelivery;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook consumer on Spring Boot's own server over TLS ({@code server.ssl.*} and camel-platform-http-starter),
 * configured by the docs' file as written, fed by the sandbox over https as Aerona feeds it.
 */
@WithAeronaSandbox(username = "webhooks-over-tls")
@SpringBootTest(classes = WebhooksOverTlsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "AERONA_USERNAME=${aerona.sandbox.username}",
                "AERONA_PASSWORD=${aerona.sandbox.password}",
                "AERONA_WEBHOOK_SECRET=hook-s3cr3t" })
@TestPropertySource(locations = "classpath:docs/webhooks-over-tls.properties")
class WebhooksOverTlsTest {

    static final SandboxCertificate CERTIFICATE = SandboxCertificate.selfSigned("localhost", "127.0.0.1");
    static final List<Exchange> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicBoolean RUNNING = new AtomicBoolean();
    static final CountDownLatch FINISH = new CountDownLatch(1);

    /** The key store the file names, written before the server starts. */
    @DynamicPropertySource
    static void keyStore(DynamicPropertyRegistry registry) {
        try {
            Path store = Files.createTempFile("webhook", ".p12");
            store.toFile().deleteOnExit();
            CERTIFICATE.writeKeyStore(store, "store-pw");
            registry.add("WEBHOOK_KEYSTORE", store::toString);
            registry.add("WEBHOOK_KEYSTORE_PASSWORD", () -> "store-pw");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("aerona:webhook?objectType=Appointment").process(e -> {
                        RUNNING.set(true);
                        assertTrue(FINISH.await(30, TimeUnit.SECONDS));
                        RECEIVED.add(e.copy());
                    });
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Test
    void theSandboxDeliversOverTlsAndTheConsumerAnswersAsOverHttp(AeronaSandbox sandbox) throws Exception {
        String url = "https://127.0.0.1:" + port + "/aerona/appointment";
        sandbox.webhooks().trust(CERTIFICATE.trustStore());
        sandbox.webhooks().register("Appointment", url + "?secret=hook-s3cr3t");
        Map<String, Object> appointment = new java.util.HashMap<>(sandbox.data().appointments().get(0));
        appointment.put("appointmentNotes", "Zoë Ó Briain, 5 € deposit"); // the body is decoded as UTF-8

        // 200 once the route has finished: the sandbox logs a delivery when it has its answer
        sandbox.webhooks().publish("Appointment", appointment);
        await().atMost(Duration.ofSeconds(20)).until(RUNNING::get);
        assertTrue(sandbox.webhooks().deliveries().isEmpty(), "no answer while the route runs");
        FINISH.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.webhooks().deliveries().size() == 1);
        WebhookDelivery delivery = sandbox.webhooks().deliveries().get(0);
        assertEquals(200, delivery.status(), String.valueOf(delivery.failure()));
        assertEquals(1, RECEIVED.size());
        assertEquals(((Number) appointment.get("id")).longValue(), RECEIVED.get(0).getMessage().getBody(Appointment.class).getId());
        assertEquals("Zoë Ó Briain, 5 € deposit", RECEIVED.get(0).getMessage().getBody(Appointment.class).getAppointmentNotes());
        assertFalse(RECEIVED.get(0).getMessage().getHeaders().toString().contains("hook-s3cr3t"), "the secret is removed");

        // the same event again: 200, not processed again
        sandbox.webhooks().publish("Appointment", appointment);
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.webhooks().deliveries().size() == 2);
        assertEquals(200, sandbox.webhooks().deliveries().get(1).status());
        assertEquals(1, RECEIVED.size());

        // the secret, over TLS
        HttpClient tls = HttpClient.newBuilder().sslContext(CERTIFICATE.clientContext()).build();
        String body = "{\"id\":4711,\"appointmentTypeId\":1864}";
        assertEquals(401, WebhookProbe.post(tls, url, body));
        assertEquals(401, WebhookProbe.post(tls, url + "?secret=wrong", body));

        // a body over webhookMaxBodySize: refused from its Content-Length, unread (10 MB announced, 1 KB sent; a
        // server that read bodies ahead would wait for the rest), and a body without one is read no further
        assertEquals(413, WebhookProbe.partialPost(CERTIFICATE.clientContext(), port,
                "/aerona/appointment?secret=hook-s3cr3t", 10_000_000));
        HttpResponse<String> chunked = tls.send(HttpRequest.newBuilder(URI.create(url + "?secret=hook-s3cr3t"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"id\":1,\"appointmentNotes\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
        assertEquals(1, RECEIVED.size());

        // the server speaks TLS only: Tomcat answers plain HTTP on its TLS port with 400
        assertEquals(400, WebhookProbe.post(HttpClient.newHttpClient(), "http://127.0.0.1:" + port
                + "/aerona/appointment?secret=hook-s3cr3t", body));
        assertEquals(1, RECEIVED.size());
    }
}
