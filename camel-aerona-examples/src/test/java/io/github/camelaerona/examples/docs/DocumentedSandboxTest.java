package io.github.camelaerona.examples.docs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code of docs/sandbox.md, exactly as the page shows it (DocsSnippetsTest compares them), run. */
class DocumentedSandboxTest {

    CamelContext context;
    AeronaComponent aerona;
    List<?> practices;
    int heldSlots;

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
        aerona = context.getComponent("aerona", AeronaComponent.class);
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void startingOne() throws Exception {
        route("aerona:getPractices");
        // tag::sandbox-start[]
        try (AeronaSandbox sandbox = AeronaSandbox.builder()
                .user("clinic-sync", "s3cret")                     // default: sandbox-user / sandbox-password
                .rateLimit(300, Duration.ofMinutes(15))            // Aerona's limit (the default); 0 for none
                .tokenLifetime(Duration.ofHours(1))                // the default
                .https(false)                                      // true: TLS with a self-signed certificate
                .start()) {
            aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());   // http://127.0.0.1:PORT/AeronaAPI/v1
            aerona.getConfiguration().setUsername(sandbox.username());
            aerona.getConfiguration().setPassword(sandbox.password());
            context.start();                                           // the routes' aerona: calls reach the sandbox
            callAerona();                                              // what the test does through its routes
        }
        // end::sandbox-start[]
        assertEquals(3, practices.size());
    }

    @Test
    void webhookTargets() {
        try (AeronaSandbox sandbox = AeronaSandbox.builder().start()) {
            // tag::sandbox-webhooks[]
            sandbox.webhooks().register("Appointment", "http://127.0.0.1:8080/aerona/appointment");
            // end::sandbox-webhooks[]
            assertEquals("http://127.0.0.1:8080/aerona/appointment", sandbox.webhooks().targets().get("Appointment"));
        }
    }

    @Test
    void aRealPostgresql() throws Exception {
        route("aerona:getPractices?budgetDataSource=#budgetDb");
        try (AeronaSandbox sandbox = AeronaSandbox.builder().startTime(Instant.parse("2026-06-17T10:00:00Z")).start()) {
            aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());
            aerona.getConfiguration().setUsername(sandbox.username());
            aerona.getConfiguration().setPassword(sandbox.password());
            aerona.getConfiguration().setRateLimitMaxWait(20_000);
            // tag::sandbox-postgres[]
            try (SandboxPostgres postgres = SandboxPostgres.start()) {   // a fresh cluster on a free loopback port
                context.getRegistry().bind("budgetDb", postgres.dataSource());
                context.start();      // routes with budgetDataSource=#budgetDb keep their budget in it
                callAerona();         // what the test does through its routes
                postgres.stop();      // a database outage (fast shutdown: connections are cut)
                postgres.restart();   // back, same port, same data
                callAerona();
            }
            // end::sandbox-postgres[]
            assertEquals(2, sandbox.apiRequests().size());
            assertEquals(3, heldSlots, "a slot for the login and each call, kept across the outage");
        }
    }

    private void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to(uri);
            }
        });
    }

    /** One call through the route, and how many slots the budget's table holds if there is one. */
    private void callAerona() throws Exception {
        practices = context.createProducerTemplate().requestBody("direct:practices", null, List.class);
        assertEquals(3, practices.size());
        DataSource budget = context.getRegistry().lookupByNameAndType("budgetDb", DataSource.class);
        if (budget != null) {
            try (Connection db = budget.getConnection();
                    ResultSet held = db.createStatement().executeQuery(
                            "SELECT count(*) FROM aerona_budget_slot WHERE free_at > 0")) {
                held.next();
                heldSlots = held.getInt(1);
            }
        }
    }
}
