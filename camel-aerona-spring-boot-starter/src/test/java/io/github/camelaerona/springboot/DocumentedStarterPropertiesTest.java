package io.github.camelaerona.springboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.AeronaConfiguration;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The starter's configuration as the docs show it ({@code docs/starter.properties}, excerpted on the component page),
 * booted as written: each key reaches the component; nothing is sent to the production URL it names. The other files
 * in {@code docs/} are booted by the tests that run what they configure.
 */
@WithAeronaSandbox
@SpringBootTest(classes = DocumentedStarterPropertiesTest.App.class, properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "AERONA_USERNAME=${aerona.sandbox.username}", "AERONA_PASSWORD=${aerona.sandbox.password}" })
@TestPropertySource(locations = "classpath:docs/starter.properties")
class DocumentedStarterPropertiesTest {

    @SpringBootApplication
    static class App {
    }

    @Autowired
    CamelContext context;

    @Test
    void theDocumentedKeysReachTheComponent(AeronaSandbox sandbox) {
        AeronaConfiguration configuration = context.getComponent("aerona", AeronaComponent.class).getConfiguration();
        assertEquals("https://aeronadental.com/AeronaAPI/v1", configuration.getBaseUrl());
        assertEquals(sandbox.username(), configuration.getUsername());
        assertEquals(sandbox.password(), configuration.getPassword());
        assertEquals(300, configuration.getRateLimit());
        assertEquals(15 * 60_000L, configuration.getRateLimitPeriod());
        assertEquals(30_000L, configuration.getSocketTimeout());
        assertEquals(0, sandbox.requests().size());
    }

    @Test
    void everyDocumentedFileIsBootedByATest() throws IOException {
        // starter.properties here; web-application.properties by WebApplicationTest; shared-budget.properties by
        // SharedBudgetStarterTest; webhooks-over-tls.properties by WebhooksOverTlsTest; metrics.properties by
        // PrometheusScrapeTest
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/docs"))) {
            assertEquals(List.of("metrics.properties", "shared-budget.properties", "starter.properties",
                    "web-application.properties", "webhooks-over-tls.properties"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
