package io.github.camelaerona.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's meters in a Spring Boot application's {@code /actuator/prometheus}, configured only by the docs'
 * {@code metrics.properties}, scraped over HTTP while calls wait for a budget of 2: the values are the ones the
 * sandbox's request log implies.
 */
@WithAeronaSandbox
@SpringBootTest(classes = PrometheusScrapeTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "AERONA_USERNAME=${aerona.sandbox.username}",
                "AERONA_PASSWORD=${aerona.sandbox.password}",
                // a window of 2 (the login and one call) so that calls wait while the test looks
                "camel.component.aerona.rate-limit=2",
                // three identical reads in flight would share one request: three calls are to wait here
                "camel.component.aerona.coalesce-reads=false" })
@TestPropertySource(locations = "classpath:docs/metrics.properties")
// a test context exports no metrics unless asked; an application does
@AutoConfigureObservability
class PrometheusScrapeTest {

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

    @Autowired
    ProducerTemplate template;

    @Test
    void theMetersAreScrapedWithTheValuesTheSandboxSaw(AeronaSandbox sandbox) throws Exception {
        template.requestBody("direct:practices", (Object) null);
        for (int i = 0; i < 3; i++) {
            template.asyncRequestBody("direct:practices", null);
        }
        String account = "account=\"" + sandbox.username() + "@" + URI.create(sandbox.baseUrl()).getAuthority() + "\"";
        HttpClient http = HttpClient.newHttpClient();
        // the login and the call hold both slots of the window: the other three wait
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(scrape(http).matches(
                "(?s).*aerona_budget_waiting\\{[^}]*" + account + "[^}]*priority=\"normal\"[^}]*} 3\\.0.*")));
        String scrape = scrape(http);
        assertEquals(2, sandbox.requests().size(), "the login and one call");
        for (String expected : List.of("aerona_budget_limit\\{[^}]*" + account + "[^}]*} 2\\.0",
                "aerona_budget_used\\{[^}]*" + account + "[^}]*} 2\\.0",
                "aerona_requests_total\\{[^}]*operation=\"getPractices\"[^}]*outcome=\"success\"[^}]*} 1\\.0",
                "aerona_logins_total\\{[^}]*outcome=\"success\"[^}]*} 1\\.0",
                "aerona_budget_wait_seconds_count\\{[^}]*} 1",
                // tagged as camel-micrometer tags Camel's own meters
                "aerona_budget_limit\\{[^}]*camelContext=\"[^\"]+\"")) {
            assertTrue(scrape.matches("(?s).*" + expected + ".*"), expected + " in\n" + scrape);
        }
    }

    private String scrape(HttpClient http) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
