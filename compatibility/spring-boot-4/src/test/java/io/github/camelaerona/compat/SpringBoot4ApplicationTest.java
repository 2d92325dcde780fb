package io.github.camelaerona.compat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.model.Practice;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter in a Spring Boot 4 web application on camel-spring-boot 4.22: the account's readiness check in
 * /actuator/health, a call, the payments poller and an Appointment webhook through camel-platform-http, over
 * real HTTP against the sandbox.
 */
@WithAeronaSandbox(startTime = SpringBoot4ApplicationTest.START)
@SpringBootTest(classes = SpringBoot4ApplicationTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBoot4ApplicationTest {

    static final String START = "2026-06-17T10:00:00Z";
    static final List<Payment> PAYMENTS = new CopyOnWriteArrayList<>();
    static final List<Appointment> EVENTS = new CopyOnWriteArrayList<>();

    @SpringBootApplication
    static class App {
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

    @Value("${local.server.port}")
    int port;

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Test
    void healthACallThePollerAndAWebhookWorkOnBoot4AndCamel422(AeronaSandbox sandbox) throws Exception {
        assertTrue(SpringBootVersion.getVersion().startsWith("4."), SpringBootVersion.getVersion());
        assertTrue(camelContext.getVersion().startsWith("4.22."), camelContext.getVersion());
        HttpClient http = HttpClient.newHttpClient();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String checkId = "aerona-" + sandbox.username() + "-at-";
            assertTrue(health.body().matches("(?s).*\"" + checkId + "[^\"]*\"\\s*:\\s*\"UP\".*"), health.body());
        });

        List<?> practices = template.requestBody("direct:practices", null, List.class);
        assertFalse(practices.isEmpty());
        assertTrue(practices.get(0) instanceof Practice, practices.get(0).getClass().getName());

        long expected = sandbox.data().searchPayments(null, LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-17"))
                .size();
        assertTrue(expected > 0, "the seeded data has payments in the window");
        await().atMost(Duration.ofSeconds(20)).until(() -> PAYMENTS.size() == expected);

        sandbox.webhooks().register("Appointment", "http://127.0.0.1:" + port + "/aerona/appointment");
        Map<String, Object> appointment = sandbox.data().appointments().get(0);
        sandbox.webhooks().publish("Appointment", appointment);
        await().atMost(Duration.ofSeconds(20)).until(() -> !EVENTS.isEmpty());
        assertEquals(((Number) appointment.get("id")).longValue(), EVENTS.get(0).getId());
        assertEquals(200, sandbox.webhooks().deliveries().get(0).status());
        assertEquals(1, sandbox.requests(r -> r.path().equals("/login")).size(), "one login for all of it");
    }
}
