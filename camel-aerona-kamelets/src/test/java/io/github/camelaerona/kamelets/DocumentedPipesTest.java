package io.github.camelaerona.kamelets;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.KameletMain;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainCommandLineSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Pipe of docs/kamelets.md, loaded by Camel's own Pipe loader (the YAML DSL) on camel-main and on KameletMain
 * (camel-kamelet-main, the runtime Camel JBang's "camel run" drives), with the account only on the component, run
 * against the sandbox. What is not Aerona is swapped for something that runs here: a Kafka source
 * becomes {@code direct:source}, a sink URI (Kafka, files under /data, a log) {@code seda:sink}; the Kamelet parts
 * and their properties are the page's own text. Also the page's properties file ({@code docs/kamelet-properties.properties}), booted as written.
 */
@WithAeronaSandbox(startTime = "2026-06-17T10:00:00Z")
class DocumentedPipesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private AeronaSandbox sandbox;
    private MainCommandLineSupport main;
    private int port;
    private Runtime runtime = Runtime.CAMEL_MAIN;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    static Map<String, String> documentedPipes() throws IOException {
        Map<String, String> pipes = new LinkedHashMap<>();
        Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("../docs/kamelets.md")));
        while (block.find()) {
            pipes.put(YAML.readTree(block.group(1)).at("/metadata/name").asText(), block.group(1));
        }
        return pipes;
    }

    /** The two runtimes that load Pipes: camel-main, and KameletMain (what Camel JBang's "camel run" drives). */
    enum Runtime {
        CAMEL_MAIN, KAMELET_MAIN;

        MainCommandLineSupport create() {
            if (this == CAMEL_MAIN) {
                return new Main();
            }
            KameletMain kameletMain = new KameletMain("aerona-docs");
            // everything the Pipes need is on the test's classpath: nothing is downloaded
            kameletMain.setDownload(false);
            // the catalog it would otherwise fetch at its own default version, which Maven Central does not serve
            kameletMain.addInitialProperty("camel.jbang.kameletsVersion", "4.18.0");
            return kameletMain;
        }
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void everyPipeOfThePageRunsAgainstTheSandbox(Runtime runtime) throws Exception {
        this.runtime = runtime;
        Map<String, String> pipes = documentedPipes();
        assertEquals(List.of("payments-pipe", "invoices-pipe", "patient-webhook-pipe", "appointment-webhook-pipe",
                "treatment-webhook-pipe", "find-appointment-slots-pipe", "get-patient-pipe", "get-clinicians-pipe",
                "get-appointment-types-pipe", "create-appointment-pipe", "update-appointment-status-pipe"),
                List.copyOf(pipes.keySet()), "each Pipe below is checked for what it does");
        for (Map.Entry<String, String> pipe : pipes.entrySet()) {
            sandbox.reset();
            run(pipe.getKey(), pipe.getValue(), Map.of());
            check(pipe.getKey());
            main.stop();
            main = null;
        }
    }

    private void check(String pipe) throws Exception {
        LocalDate today = LocalDate.now(sandbox.clock().withZone(LONDON));
        switch (pipe) {
            case "payments-pipe" -> {
                // initialFromDate and timeZone: Europe/London arrive as written (the slash was once sent encoded)
                int expected = sandbox.data().searchPayments(null, LocalDate.parse("2026-01-01"), today).size();
                await().atMost(Duration.ofSeconds(30)).until(() -> received().size() == expected);
                assertEquals("2026-01-01", requests("/payments/search").get(0).query().get("fromDate"));
            }
            case "invoices-pipe" -> {
                await().atMost(Duration.ofSeconds(30)).until(() -> !requests("/invoices/search").isEmpty());
                // this Pipe names no timeZone, so "today" is taken in the JVM's zone, as the option documents:
                // at the sandbox's pinned instant it is a day later in Pacific/Kiritimati than in London
                LocalDate todayHere = LocalDate.now(sandbox.clock().withZone(ZoneId.systemDefault()));
                assertEquals(todayHere.toString(), requests("/invoices/search").get(0).query().get("fromDate"));
            }
            case "patient-webhook-pipe" -> webhook("Patient", "/aerona/patient", Map.of("id", 426709L, "forename", "Cathal"));
            case "appointment-webhook-pipe" -> webhook("Appointment", "/hooks/aerona/appointments", sandbox.data().appointments().get(0));
            case "treatment-webhook-pipe" -> webhook("Treatment", "/aerona/treatment", Map.of("id", 5551L, "patientId", 426709L));
            case "find-appointment-slots-pipe" -> {
                JsonNode slots = JSON.readTree(one());
                assertEquals(50, slots.size());
                assertEquals(Map.of("clinicianId", "34567", "appointmentTypeId", "1864", "searchStart", "2026-06-18",
                        "timeOfDay", "1"), requests("/find-appointment-slots").get(0).query());
            }
            case "get-patient-pipe" -> {
                sandbox.webhooks().register("Appointment", "http://127.0.0.1:" + port + "/aerona/appointment");
                sandbox.webhooks().publish("Appointment", sandbox.data().appointments().get(0));
                assertEquals("Cathal", JSON.readTree(one()).get("forename").asText());
                assertEquals(1, requests("/patients/426709").size());
            }
            case "get-clinicians-pipe" -> {
                assertTrue(JSON.readTree(one()).size() > 0);
                assertEquals("9876", requests("/clinicians").get(0).query().get("practiceId"));
            }
            case "get-appointment-types-pipe" -> {
                assertTrue(JSON.readTree(one()).size() > 0);
                assertEquals(1, requests("/appointment-types").size());
            }
            case "create-appointment-pipe" -> {
                int before = sandbox.data().appointments().size();
                // a time of each runtime's own: the sandbox keeps its appointments between runs
                send(Files.readString(Path.of("src/test/resources/booking.json"))
                        .replace("2026-06-24T09:00:00Z", "2026-06-2" + (6 + runtime.ordinal()) + "T09:00:00Z"));
                assertEquals(before + 1, sandbox.data().appointments().size());
            }
            case "update-appointment-status-pipe" -> {
                long id = (Long) sandbox.data().appointments().get(0).get("id");
                main.getCamelContext().createProducerTemplate().sendBodyAndHeader("direct:source", null,
                        "CamelAeronaAppointmentId", id);
                assertEquals(2, ((Number) sandbox.data().appointment(id).get("appointmentStatusId")).intValue());
            }
            default -> throw new AssertionError("no check for the documented Pipe " + pipe);
        }
        // webhook sources need no account; the others use the component's, whose token may outlive the Pipe before
        // (an account stays until its window drained), so at most one login, and always as the component's user
        assertTrue(sandbox.logins().size() <= (pipe.contains("webhook") ? 0 : 1), pipe + ": logins " + sandbox.logins());
        assertTrue(sandbox.logins().stream().allMatch(l -> l.body().contains(sandbox.username())), pipe);
        if (!pipe.contains("webhook")) {
            assertTrue(sandbox.apiRequests().stream().allMatch(r -> r.status() == 200), pipe
                    + " went through with the component's account: " + sandbox.apiRequests());
        }
    }

    @Test
    void thePagesPropertiesFileSetsTheKameletsFromConfiguration() throws Exception {
        Map<String, String> environment = Map.of("AERONA_USERNAME", sandbox.username(), "AERONA_PASSWORD",
                sandbox.password(), "AERONA_WEBHOOK_SECRET", "s3cr3t");
        String payments = documentedPipes().get("payments-pipe").replace("      initialFromDate: \"2026-01-01\"\n", "");
        run("payments-pipe", payments, environment);
        await().atMost(Duration.ofSeconds(30)).until(() -> !requests("/payments/search").isEmpty());
        assertEquals("2026-01-01", requests("/payments/search").get(0).query().get("fromDate"), "from the properties file");
        main.stop();

        run("appointment-webhook-pipe", documentedPipes().get("appointment-webhook-pipe"), environment);
        sandbox.webhooks().register("Appointment", "http://127.0.0.1:" + port + "/hooks/aerona/appointments");
        sandbox.webhooks().publish("Appointment", sandbox.data().appointments().get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> !sandbox.webhooks().deliveries().isEmpty());
        assertEquals(401, sandbox.webhooks().deliveries().get(0).status(), "the secret of the properties file is required");
        sandbox.webhooks().register("Appointment", "http://127.0.0.1:" + port + "/hooks/aerona/appointments?secret=s3cr3t");
        sandbox.webhooks().publish("Appointment", sandbox.data().appointments().get(1));
        assertNotNull(one());
    }

    @Test
    void theBookingSinkTakesAFileConsumersBody() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        int before = sandbox.data().appointments().size();
        run("create-appointment-pipe", documentedPipes().get("create-appointment-pipe")
                .replace("\"kafka:booking-requests\"", "\"file:" + inbox + "\""), Map.of());
        // another time than the other tests' booking: the sandbox keeps its appointments between tests
        Files.writeString(inbox.resolve("booking.json"), Files.readString(Path.of("src/test/resources/booking.json"))
                .replace("2026-06-24T09:00:00Z", "2026-06-25T11:00:00Z"));
        // the body is the file consumer's GenericFile, which holds the JSON
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.data().appointments().size() == before + 1);
        assertEquals(426709L, sandbox.data().appointments().get(before).get("patientId"));
    }

    @Test
    void aWrongPipePropertyNamesTheKameletAndTheProperty() throws Exception {
        String pipe = documentedPipes().get("appointment-webhook-pipe").replace("/hooks/aerona/appointments", "hooks/aerona");
        Exception refused = assertThrows(Exception.class,
                () -> run("appointment-webhook-pipe", pipe, Map.of()));
        String messages = messages(refused);
        assertTrue(messages.contains("aerona-appointment-webhook-source"), messages);
        assertTrue(messages.contains("option webhookPath is hooks/aerona; allowed: a path"), messages);
        main = null;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private void webhook(String type, String path, Map<String, Object> event) throws Exception {
        sandbox.webhooks().register(type, "http://127.0.0.1:" + port + path);
        sandbox.webhooks().publish(type, event);
        JsonNode received = JSON.readTree(one());
        assertEquals(((Number) event.get("id")).longValue(), received.get("id").asLong());
        await().atMost(Duration.ofSeconds(10)).until(() -> !sandbox.webhooks().deliveries().isEmpty());
        assertEquals(200, sandbox.webhooks().deliveries().get(0).status());
    }

    private void send(String body) {
        main.getCamelContext().createProducerTemplate().sendBody("direct:source", body);
    }

    private String one() {
        ConsumerTemplate consumer = main.getCamelContext().createConsumerTemplate();
        Exchange exchange = consumer.receive("seda:sink", 30_000);
        assertNotNull(exchange, "the Pipe delivered to its sink");
        return exchange.getMessage().getBody(String.class);
    }

    private List<Exchange> received() {
        return main.getCamelContext().getEndpoint("seda:sink", org.apache.camel.component.seda.SedaEndpoint.class).getExchanges();
    }

    private List<RecordedRequest> requests(String path) {
        return sandbox.requests(r -> r.path().equals(path));
    }

    /** The page's Pipe with its non-Aerona ends swapped, loaded by camel-main with the account on the component. */
    private void run(String name, String pipe, Map<String, String> environment) throws Exception {
        ObjectNode tree = (ObjectNode) YAML.readTree(pipe);
        ObjectNode source = (ObjectNode) tree.at("/spec/source");
        if (source.has("uri") && source.get("uri").asText().startsWith("kafka:")) {
            source.put("uri", "direct:source");
        }
        ObjectNode sink = (ObjectNode) tree.at("/spec/sink");
        if (sink.has("uri")) {
            sink.put("uri", "seda:sink?waitForTaskToComplete=Never");
        }
        Path file = dir.resolve(name + ".yaml");
        YAML.writeValue(file.toFile(), tree);
        port = freePort();
        main = runtime.create();
        main.setDefaultPropertyPlaceholderLocation(environment.isEmpty() ? "false"
                : "classpath:docs/kamelet-properties.properties");
        main.addInitialProperty("camel.component.kamelet.location", "classpath:kamelets");
        main.addInitialProperty("camel.component.aerona.clock", "#aeronaClock");
        main.addInitialProperty("camel.component.aerona.base-url", sandbox.baseUrl());
        if (environment.isEmpty()) {
            main.addInitialProperty("camel.component.aerona.username", sandbox.username());
            main.addInitialProperty("camel.component.aerona.password", sandbox.password());
        }
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + file);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                support.getCamelContext().getRegistry().bind("aeronaClock", sandbox.clock());
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
        main.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
