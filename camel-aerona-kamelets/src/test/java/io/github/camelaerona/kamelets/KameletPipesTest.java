package io.github.camelaerona.kamelets;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Aerona Kamelets bound by Pipe resources, loaded as an integration platform loads them (camel-main with
 * camel-kamelet and the YAML DSL, Kamelets from the classpath), running against the sandbox.
 */
@WithAeronaSandbox(startTime = "2026-06-17T10:00:00Z")
class KameletPipesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private AeronaSandbox sandbox;
    private Main main;

    @TempDir
    Path out;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    /** Starts camel-main with one Pipe; the component reads the sandbox's clock, so dates line up on any day. */
    private void run(String pipe, Map<String, String> properties) {
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        main.bind("aeronaClock", sandbox.clock());
        main.addInitialProperty("camel.component.aerona.clock", "#aeronaClock");
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:pipes/" + pipe);
        // the account on the component only, as the docs set it up: no Kamelet may override it with a default
        main.addInitialProperty("camel.component.aerona.base-url", sandbox.baseUrl());
        main.addInitialProperty("out.dir", out.toString());
        properties.forEach(main::addInitialProperty);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files the Pipe finished (the file sink writes under a temporary name, then renames). */
    private List<JsonNode> written(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).map(f -> {
                try {
                    return JSON.readTree(f.toFile());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private LocalDate today() {
        return LocalDate.now(sandbox.clock().withZone(LONDON));
    }

    @Test
    void paymentsSourceIntoAFileSink() throws Exception {
        LocalDate since = today().minusDays(20);
        int expected = sandbox.data().searchPayments(null, since, today()).size();
        run("payments-to-file.yaml", Map.of("camel.component.aerona.username", sandbox.username(),
                "camel.component.aerona.password", sandbox.password(),
                "camel.kamelet.aerona-payments-source.initialFromDate", since.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> written("payment-").size() == expected);
        for (JsonNode payment : written("payment-")) {
            assertTrue(payment.get("id").isNumber() && payment.get("amount").isNumber(), payment.toString());
        }
        List<RecordedRequest> polls = sandbox.requests(r -> r.path().equals("/payments/search"));
        assertEquals(since.toString(), polls.get(0).query().get("fromDate"));
        // one login at most: the account (and its token) may outlive an earlier test's Pipe, as in production
        assertTrue(sandbox.logins().size() <= 1, sandbox.logins().toString());
    }

    @Test
    void timerIntoTheBookingSinkWithTheComponentsCredentials() throws Exception {
        int before = sandbox.data().appointments().size();
        run("timer-to-booking.yaml", Map.of("camel.component.aerona.username", sandbox.username(),
                "camel.component.aerona.password", sandbox.password()));
        // the sandbox books before it logs the request: wait for the log, which comes last
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.data().appointments().size() == before + 1
                && !sandbox.requests(r -> r.path().equals("/appointments")).isEmpty());
        List<RecordedRequest> posts = sandbox.requests(r -> r.path().equals("/appointments"));
        assertEquals(1, posts.size());
        assertEquals(200, posts.get(0).status());
        JsonNode sent = JSON.readTree(posts.get(0).body());
        assertEquals("2026-06-24T09:00:00Z", sent.get("appointmentTime").asText());
        Map<String, Object> booked = sandbox.data().appointments().get(before);
        assertEquals(426709L, booked.get("patientId"));
        assertEquals(true, booked.get("createdByApi"));
    }

    @Test
    void theCliniciansActionKeepsItsReplyForTheTtlThePipeSets() throws Exception {
        run("clinicians-kept-to-file.yaml", Map.of("camel.component.aerona.username", sandbox.username(),
                "camel.component.aerona.password", sandbox.password()));
        await().atMost(Duration.ofSeconds(30)).until(() -> written("clinicians-").size() == 3);
        List<RecordedRequest> asked = sandbox.requests(r -> r.path().equals("/clinicians"));
        assertEquals(1, asked.size(), "three exchanges, one request: " + asked);
        assertEquals("9876", asked.get(0).query().get("practiceId"));
        for (JsonNode clinicians : written("clinicians-")) {
            assertEquals(written("clinicians-").get(0), clinicians, "the same list each time");
            assertTrue(clinicians.size() > 0);
        }
    }

    /**
     * A Pipe that leaves the property out gets the component's setting, as the Kamelets page says. Another practice
     * than the other clinicians test's: the account, and what it keeps, outlives a Pipe, as in production.
     */
    @Test
    void theCliniciansActionKeepsItsReplyForTheComponentsTtlWhenThePipeSetsNone() throws Exception {
        run("clinicians-to-file.yaml", Map.of("camel.component.aerona.username", sandbox.username(),
                "camel.component.aerona.password", sandbox.password(),
                "camel.component.aerona.reference-data-ttl", "10m"));
        await().atMost(Duration.ofSeconds(30)).until(() -> written("clinicians-").size() == 3);
        List<RecordedRequest> asked = sandbox.requests(r -> r.path().equals("/clinicians"));
        assertEquals(1, asked.size(), "three exchanges, one request: " + asked);
        assertEquals("9877", asked.get(0).query().get("practiceId"));
    }

    @Test
    void findSlotsActionBetweenATimerAndAFile() throws Exception {
        run("slots-to-file.yaml", Map.of("camel.component.aerona.username", sandbox.username(),
                "camel.component.aerona.password", sandbox.password()));
        await().atMost(Duration.ofSeconds(30)).until(() -> written("slots").size() == 1);
        JsonNode slots = written("slots").get(0);
        assertEquals(50, slots.size());
        assertEquals(34567, slots.get(0).get("clinicianId").asInt());
        RecordedRequest search = sandbox.requests(r -> r.path().equals("/find-appointment-slots")).get(0);
        assertEquals(Map.of("clinicianId", "34567", "appointmentTypeId", "1864", "searchStart", "2026-06-18",
                "timeOfDay", "1"), search.query());
    }

    @Test
    void appointmentWebhookSourceReceivesTheSandboxsDeliveries() throws Exception {
        int port = freePort();
        run("appointment-webhooks-to-file.yaml", Map.of("camel.kamelet.aerona-appointment-webhook-source.webhookSecret",
                "s3cr3t", "camel.server.enabled", "true",
                "camel.server.host", "127.0.0.1", "camel.server.port", String.valueOf(port)));
        sandbox.webhooks().register("Appointment", "http://127.0.0.1:" + port + "/aerona/appointment?secret=s3cr3t");
        long id = (Long) sandbox.data().appointments().get(0).get("id");
        sandbox.data().changeAppointment(id, Map.of("appointmentStatusId", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> written("appointment-").size() == 1);
        JsonNode event = written("appointment-").get(0);
        assertEquals(id, event.get("id").asLong());
        assertEquals(3, event.get("appointmentStatusId").asInt());
        assertEquals(sandbox.data().appointment(id).get("appointmentTime"), event.get("appointmentTime").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> !sandbox.webhooks().deliveries().isEmpty());
        assertEquals(200, sandbox.webhooks().deliveries().get(0).status(), "answered 200 once the Pipe had written it");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
