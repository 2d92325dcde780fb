package io.github.camelaerona;

import java.io.IOException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.Practice;
import io.github.camelaerona.sandbox.SandboxCertificate;
import io.github.camelaerona.sandbox.WebhookProbe;
import io.github.camelaerona.sandbox.WebhookDelivery;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every camel-main properties block of the README and docs is one of the files in {@code docs/camel-main} (the
 * docs show them through {@code <!-- excerpt: ... -->}, which DocsSnippetsTest checks), and here each file boots a
 * real camel-main application exactly as written. camel-main refuses a key it does not know, so a documented
 * setting that does not exist fails this test; each file's effect is then checked where a user would see it.
 * Only {@code {{env:...}}} is answered by the test instead of the process environment.
 */
class DocumentedPropertiesTest {

    static final Path FILES = Path.of("src/test/resources/docs/camel-main");

    private AeronaSandbox sandbox;
    private Main main;
    /** What {{env:...}} answers in the files. */
    private final Map<String, String> environment = new java.util.HashMap<>();

    @BeforeEach
    void startSandbox() {
        // a user of its own: an account stays until its window drains, and another test's sandbox may have had this port
        sandbox = AeronaSandbox.builder().user("documented-" + System.nanoTime(), "documented-password").start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        sandbox.close();
    }

    @Test
    void everyFileHereIsBootedByATest() throws IOException {
        List<String> tested = List.of("quick-start.properties", "account.properties", "request-overrides.properties",
                "interactive-reserve.properties", "shared-budget.properties", "health-and-console.properties",
                "webhooks-over-tls.properties", "metrics.properties");
        try (Stream<Path> files = Files.list(FILES)) {
            assertEquals(tested.stream().sorted().toList(), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void quickStart() throws Exception {
        CamelContext context = boot("quick-start.properties", Map.of());
        List<?> practices = context.createProducerTemplate().requestBody("direct:practices", null, List.class);
        assertTrue(practices.get(0) instanceof Practice);
        assertEquals(1, sandbox.logins().size());
        assertTrue(sandbox.logins().get(0).body().contains(sandbox.username()), "logged in as the environment's user");
    }

    @Test
    void account() throws Exception {
        CamelContext context = boot("account.properties", Map.of());
        AeronaComponent aerona = context.getComponent("aerona", AeronaComponent.class);
        assertEquals("https://aeronadental.com/AeronaAPI/v1", aerona.getConfiguration().getBaseUrl());
        assertEquals(sandbox.username(), aerona.getConfiguration().getUsername());
        assertEquals(sandbox.password(), aerona.getConfiguration().getPassword());
    }

    @Test
    void requestOverrides() throws Exception {
        CamelContext context = boot("request-overrides.properties", Map.of());
        AeronaComponent aerona = context.getComponent("aerona", AeronaComponent.class);
        assertEquals("getPractices=GET /practice-list,updateAppointmentStatus=POST /appointments/{appointmentId}/status",
                aerona.getConfiguration().getRequestOverrides());
        // the sandbox answers Aerona's documented shape, not the overridden one: the call went where the file said
        Exception refused = assertThrows(Exception.class,
                () -> context.createProducerTemplate().requestBody("direct:practices", (Object) null));
        assertTrue(String.valueOf(refused.getCause()).contains("404"), String.valueOf(refused.getCause()));
        assertTrue(sandbox.apiRequests().stream().anyMatch(r -> r.path().endsWith("/practice-list")), sandbox.requests().toString());
    }

    @Test
    void interactiveReserve() throws Exception {
        CamelContext context = boot("interactive-reserve.properties", Map.of());
        assertEquals(61, context.getComponent("aerona", AeronaComponent.class).getConfiguration().getInteractiveReserve());
        context.createProducerTemplate().requestBody("direct:practices", (Object) null);
        assertEquals(1, sandbox.apiRequests().size());
    }

    @Test
    void sharedBudget() throws Exception {
        try (SandboxPostgres postgres = SandboxPostgres.start()) {
            CamelContext context = boot("shared-budget.properties", Map.of("clusterDb", postgres.dataSource()));
            context.createProducerTemplate().requestBody("direct:practices", (Object) null);
            try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet held = s.executeQuery("select count(*) from aerona_budget_slot where free_at > extract(epoch from clock_timestamp()) * 1000")) {
                held.next();
                assertTrue(held.getInt(1) >= 2, "the login's and the call's slots are in the database");
            }
            main.stop();
            main = null;
        }
    }

    @Test
    void healthAndConsoleOverHttp() throws Exception {
        int port = freePort();
        boot("health-and-console.properties", Map.of(), "camel.management.host", "127.0.0.1",
                "camel.management.port", String.valueOf(port));
        HttpClient http = HttpClient.newHttpClient();
        String checkId = "aerona-" + sandbox.username() + "-at-";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String health = get(http, "http://127.0.0.1:" + port + "/observe/health");
            assertTrue(health.matches("(?s).*\"" + checkId + "[^\"]*\".*\"UP\".*"), health);
        });
        String console = get(http, "http://127.0.0.1:" + port + "/q/dev/aerona");
        assertTrue(console.contains("getPractices") && console.contains(sandbox.username()), console);
    }

    /** Scraped as Prometheus would, while calls wait for the budget: the values the sandbox's counts imply. */
    @Test
    void metricsOverHttp() throws Exception {
        int port = freePort();
        CamelContext context = boot("metrics.properties", Map.of(), "camel.management.host", "127.0.0.1",
                "camel.management.port", String.valueOf(port), "camel.component.aerona.rate-limit", "2",
                // three identical reads in flight would otherwise share one request: three calls are to wait here
                "camel.component.aerona.coalesce-reads", "false");
        context.createProducerTemplate().requestBody("direct:practices", (Object) null);
        for (int i = 0; i < 3; i++) {
            context.createProducerTemplate().asyncRequestBody("direct:practices", null);
        }
        // the login and the call hold both slots of the window: the other three wait
        HttpClient http = HttpClient.newHttpClient();
        String account = "account=\"" + sandbox.username() + "@" + java.net.URI.create(sandbox.baseUrl()).getAuthority()
                + "\"";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = get(http, "http://127.0.0.1:" + port + "/observe/metrics");
            assertTrue(scrape.matches("(?s).*aerona_budget_waiting\\{[^}]*" + account
                    + "[^}]*priority=\"normal\"[^}]*} 3\\.0.*"), scrape);
        });
        String scrape = get(http, "http://127.0.0.1:" + port + "/observe/metrics");
        assertEquals(2, sandbox.requests().size());
        for (String expected : List.of("aerona_budget_limit\\{[^}]*} 2\\.0", "aerona_budget_used\\{[^}]*} 2\\.0",
                "aerona_requests_total\\{[^}]*operation=\"getPractices\"[^}]*outcome=\"success\"[^}]*} 1\\.0",
                "aerona_logins_total\\{[^}]*outcome=\"success\"[^}]*} 1\\.0",
                "aerona_budget_wait_seconds_count\\{[^}]*} 1")) {
            assertTrue(scrape.matches("(?s).*" + expected + ".*"), expected + " in\n" + scrape);
        }
        // the docs' Grafana dashboard asks for nothing this scrape lacks
        GrafanaDashboard.assertAnsweredBy(scrape);
    }

    /**
     * The webhook consumer behind camel-main's own HTTP server over TLS, configured only by the documented file,
     * fed by the sandbox as Aerona feeds it: to an https URL whose certificate it verifies (a test certificate
     * here, which the sandbox is told to trust).
     */
    @Test
    void webhooksOverTls(@TempDir Path dir) throws Exception {
        int port = freePort();
        // tag::sandbox-over-tls[]
        SandboxCertificate certificate = SandboxCertificate.selfSigned("localhost", "127.0.0.1");
        Path keyStore = certificate.writeKeyStore(dir.resolve("webhook.p12"), "store-pw"); // the server's
        sandbox.webhooks().trust(certificate.trustStore());                                 // the sandbox's
        sandbox.webhooks().register("Appointment", "https://127.0.0.1:" + port + "/aerona/appointment?secret=hook-s3cr3t");
        // end::sandbox-over-tls[]
        environment.put("WEBHOOK_KEYSTORE", keyStore.toString());
        environment.put("WEBHOOK_KEYSTORE_PASSWORD", "store-pw");
        environment.put("AERONA_WEBHOOK_SECRET", "hook-s3cr3t");
        CamelContext context = boot("webhooks-over-tls.properties", Map.of(), "camel.server.host", "127.0.0.1",
                "camel.server.port", String.valueOf(port));
        List<Exchange> received = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean();
        CountDownLatch finish = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:webhook?objectType=Appointment").process(e -> {
                    running.set(true);
                    assertTrue(finish.await(30, TimeUnit.SECONDS));
                    received.add(e.copy());
                });
            }
        });
        String url = "https://127.0.0.1:" + port + "/aerona/appointment";
        Map<String, Object> appointment = sandbox.data().appointments().get(0);

        // delivered over TLS; Aerona's 200 comes once the route has finished (the sandbox logs a delivery when
        // it has its answer)
        sandbox.webhooks().publish("Appointment", appointment);
        await().atMost(Duration.ofSeconds(20)).until(running::get);
        assertTrue(sandbox.webhooks().deliveries().isEmpty(), "no answer while the route runs");
        finish.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.webhooks().deliveries().size() == 1);
        WebhookDelivery delivery = sandbox.webhooks().deliveries().get(0);
        assertEquals(200, delivery.status(), String.valueOf(delivery.failure()));
        assertEquals(1, received.size());
        assertEquals(((Number) appointment.get("id")).longValue(), received.get(0).getMessage().getBody(Appointment.class).getId());
        assertFalse(received.get(0).getMessage().getHeaders().toString().contains("hook-s3cr3t"), "the secret is removed");

        // the same event again: answered 200, not processed again
        sandbox.webhooks().publish("Appointment", appointment);
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.webhooks().deliveries().size() == 2);
        assertEquals(200, sandbox.webhooks().deliveries().get(1).status());
        assertEquals(1, received.size());

        // the secret is checked over TLS as over plain HTTP
        HttpClient tls = HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
        String body = "{\"id\":4711,\"appointmentTypeId\":1864}";
        assertEquals(401, WebhookProbe.post(tls, url, body));
        assertEquals(401, WebhookProbe.post(tls, url + "?secret=wrong", body));
        assertEquals(1, received.size());

        // a body over the limit is refused from its Content-Length: 10 MB announced, 1 KB sent
        assertEquals(413, WebhookProbe.partialPost(certificate.clientContext(), port,
                "/aerona/appointment?secret=hook-s3cr3t", 10_000_000));
        assertEquals(1, received.size());

        // and the port speaks TLS only
        assertThrows(IOException.class, () -> WebhookProbe.post(HttpClient.newHttpClient(), "http://127.0.0.1:" + port
                + "/aerona/appointment?secret=hook-s3cr3t", body));
        assertEquals(1, received.size());
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Boots the file; {@code initial} are pairs of keys and values, which win over the file's own. */
    private CamelContext boot(String file, Map<String, Object> beans, String... initial) {
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + FILES.resolve(file).toAbsolutePath());
        // where the file names no account, the sandbox's; a file that names one wins
        main.addInitialProperty("camel.component.aerona.base-url", sandbox.baseUrl());
        if (!read(file).contains("camel.component.aerona.username")) {
            main.addInitialProperty("camel.component.aerona.username", sandbox.username());
            main.addInitialProperty("camel.component.aerona.password", sandbox.password());
        }
        for (int i = 0; i < initial.length; i += 2) {
            // this machine's hosts and ports: over the file's own values, where it has them
            if (read(file).contains(initial[i] + "=")) {
                main.addOverrideProperty(initial[i], initial[i + 1]);
            } else {
                main.addInitialProperty(initial[i], initial[i + 1]);
            }
        }
        beans.forEach(main::bind);
        environment.put("AERONA_USERNAME", sandbox.username());
        environment.put("AERONA_PASSWORD", sandbox.password());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                support.getCamelContext().getPropertiesComponent().addPropertiesFunction(new PropertiesFunction() {
                    @Override
                    public String getName() {
                        return "env";
                    }

                    @Override
                    public String apply(String remainder) {
                        return environment.get(remainder);
                    }
                });
            }
        });
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices");
            }
        });
        try {
            main.start();
        } catch (Exception e) {
            throw new AssertionError(file + " does not boot camel-main: " + e, e);
        }
        return main.getCamelContext();
    }

    private static String read(String file) {
        try {
            return Files.readString(FILES.resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
