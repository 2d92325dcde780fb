package io.github.camelaerona.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot web application as the docs describe it: the starter, a payment poller, an appointment webhook and
 * the account's readiness check in /actuator/health, configured only by properties, reached over real HTTP.
 */
@WithAeronaSandbox(startTime = WebApplicationTest.START)
@SpringBootTest(classes = WebApplicationTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                // what the docs' file takes from the environment
                "AERONA_USERNAME=${aerona.sandbox.username}",
                "AERONA_PASSWORD=${aerona.sandbox.password}",
                "camel.component.aerona.clock=#aeronaClock" })
// the docs' application.properties, exactly as the page shows it
@TestPropertySource(locations = "classpath:docs/web-application.properties")
class WebApplicationTest {

    static final String START = "2026-06-17T10:00:00Z";
    static final List<Payment> PAYMENTS = new CopyOnWriteArrayList<>();
    static final List<Appointment> EVENTS = new CopyOnWriteArrayList<>();

    @SpringBootApplication
    static class App {
        /** The sandbox's pinned day, so the poller's today is the same on any machine and date. */
        @Bean
        Clock aeronaClock() {
            return Clock.fixed(Instant.parse(START), ZoneId.of("Europe/London"));
        }

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("aerona:searchPayments").process(e -> PAYMENTS.add(e.getMessage().getBody(Payment.class)));
                    from("aerona:webhook?objectType=Appointment")
                            .process(e -> EVENTS.add(e.getMessage().getBody(Appointment.class)));
                    from("direct:practices").to("aerona:getPractices");
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Test
    void healthPollerAndWebhookWorkInARunningApplication(AeronaSandbox sandbox) throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        // the readiness check: UP once its login succeeded, served by the actuator over HTTP
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            String checkId = "aerona-" + sandbox.username() + "-at-";
            assertTrue(health.body().contains(checkId), health.body());
            assertTrue(health.body().matches("(?s).*\"" + checkId + "[^\"]*\"\\s*:\\s*\"UP\".*"), health.body());
        });

        // the poller: every payment of the window reaches the route
        long expected = sandbox.data().searchPayments(null, java.time.LocalDate.parse("2026-06-01"),
                java.time.LocalDate.parse("2026-06-17")).size();
        assertTrue(expected > 0, "the seeded data has payments in the window");
        await().atMost(Duration.ofSeconds(20)).until(() -> PAYMENTS.size() == expected);
        // a poller that sets no delay polls once a minute: at Camel's 500 ms the next seconds would bring several more
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> sandbox.requests(r -> r.path().endsWith("/payments/search")).size() == 1);

        // the webhook: the sandbox delivers to the application's own port, through Camel's platform-http
        sandbox.webhooks().register("Appointment", "http://127.0.0.1:" + port + "/aerona/appointment");
        Map<String, Object> appointment = sandbox.data().appointments().get(0);
        sandbox.webhooks().publish("Appointment", appointment);
        await().atMost(Duration.ofSeconds(20)).until(() -> !EVENTS.isEmpty());
        assertEquals(((Number) appointment.get("id")).longValue(), EVENTS.get(0).getId());
        assertEquals(200, sandbox.webhooks().deliveries().get(0).status());
    }
}
