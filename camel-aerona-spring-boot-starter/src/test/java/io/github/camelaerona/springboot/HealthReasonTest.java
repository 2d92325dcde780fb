package io.github.camelaerona.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The docs' web application with a wrong password: /actuator/health says why the account is DOWN. */
@WithAeronaSandbox
@SpringBootTest(classes = HealthReasonTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "AERONA_USERNAME=${aerona.sandbox.username}",
                "AERONA_PASSWORD=not-the-password" })
@TestPropertySource(locations = "classpath:docs/web-application.properties")
class HealthReasonTest {

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:practices").to("aerona:getPractices");
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Test
    void theHealthDetailsSayWhyTheLoginFailed(AeronaSandbox sandbox) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(health.contains("Aerona refused the login of " + sandbox.username()), health);
            assertTrue(health.contains("(HTTP 401): the credentials were refused; check the username and password"), health);
            assertFalse(health.contains("not-the-password"), health);
        });
    }
}
