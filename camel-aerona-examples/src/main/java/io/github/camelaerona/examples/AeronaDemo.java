package io.github.camelaerona.examples;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.main.Main;

/**
 * Runs the demo routes on camel-main. Without settings it starts the embedded Aerona sandbox and runs against
 * it; with AERONA_BASE_URL, AERONA_USERNAME and AERONA_PASSWORD set it runs against that Aerona account instead
 * (and books an appointment only when AERONA_DEMO_PATIENT_ID names the patient to book for).
 */
public final class AeronaDemo {

    /** The zone of the practices (Aerona's clinics are in the UK and Ireland); their dates are the API's dates. */
    public static final ZoneId PRACTICE_ZONE = ZoneId.of("Europe/London");

    private AeronaDemo() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv("AERONA_BASE_URL");
        String username = System.getenv("AERONA_USERNAME");
        String password = System.getenv("AERONA_PASSWORD");
        Long patientId = System.getenv("AERONA_DEMO_PATIENT_ID") == null ? null
                : Long.valueOf(System.getenv("AERONA_DEMO_PATIENT_ID"));
        Path dir = Path.of(System.getProperty("aerona.demo.dir", "target/aerona-demo"));
        AeronaSandbox sandbox = null;
        if (baseUrl == null || baseUrl.isBlank()) {
            sandbox = AeronaSandbox.start();
            baseUrl = sandbox.baseUrl();
            username = sandbox.username();
            password = sandbox.password();
            patientId = patientId != null ? patientId : 426709L;
            System.out.println("Started the embedded Aerona sandbox at " + baseUrl);
        } else if (username == null || password == null) {
            System.err.println("Set AERONA_USERNAME and AERONA_PASSWORD with AERONA_BASE_URL");
            System.exit(2);
        }
        boolean failed = false;
        try {
            DemoSummary summary = run(baseUrl, username, password, patientId, sandbox, dir);
            System.out.println();
            System.out.println("camel-aerona demo against " + baseUrl);
            System.out.println(summary);
            if (sandbox != null) {
                System.out.println("The sandbox saw " + sandbox.requests().size() + " requests, "
                        + sandbox.logins().size() + " of them logins.");
            }
        } catch (Exception e) {
            System.err.println("The demo failed: " + e);
            failed = true;
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
        if (failed) {
            System.exit(1);
        }
    }

    /**
     * Starts camel-main with the aerona component set through properties, waits for the payments poll, runs the
     * booking route once and, against the sandbox, waits for its Appointment webhooks; then stops.
     */
    public static DemoSummary run(String baseUrl, String username, String password, Long patientId,
            AeronaSandbox sandbox, Path dir) throws Exception {
        int port = freePort();
        // against the sandbox, the component and the routes read the sandbox's clock, so its dates are theirs
        Clock clock = sandbox != null ? sandbox.clock().withZone(PRACTICE_ZONE) : Clock.system(PRACTICE_ZONE);
        Main main = new Main();
        main.bind("aeronaClock", clock);
        main.addInitialProperty("camel.component.aerona.clock", "#aeronaClock");
        // application.properties belongs to the YAML route set; this demo is configured here, in Java
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addInitialProperty("camel.component.aerona.baseUrl", baseUrl);
        main.addInitialProperty("camel.component.aerona.username", username);
        main.addInitialProperty("camel.component.aerona.password", password);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        DemoFeeds feeds = new DemoFeeds(dir.resolve("payments"), clock);
        main.configure().addRoutesBuilder(new DemoRoutes(patientId, clock));
        main.configure().addRoutesBuilder(feeds);
        if (sandbox != null) {
            sandbox.webhooks().register("Appointment", "http://127.0.0.1:" + port + "/aerona/appointment");
        }
        main.start();
        try {
            boolean polled = feeds.firstPollDone().await(30, TimeUnit.SECONDS);
            DemoSummary summary = main.getCamelTemplate().requestBody("direct:demo", null, DemoSummary.class);
            summary.add("Payments poll:      %s", polled
                    ? feeds.paymentsWritten().size() + " new payments written to " + feeds.paymentsDir()
                    : "no payments in the first poll");
            if (sandbox != null && summary.bookedAppointmentId() != null) {
                feeds.bookedAndConfirmed().await(15, TimeUnit.SECONDS);
                awaitDeliveries(sandbox, 2);
                summary.add("Webhook events:     %d Appointment events (statuses %s)", feeds.appointmentEvents().size(),
                        feeds.appointmentEvents().stream().map(a -> String.valueOf(a.getAppointmentStatusId())).toList());
                summary.appointmentEvents(feeds.appointmentEvents().size());
            }
            summary.paymentsPolled(feeds.paymentsWritten().size());
            return summary;
        } finally {
            main.stop();
        }
    }

    /** The route has the events; let their 200s reach the sandbox before the HTTP server stops. */
    private static void awaitDeliveries(AeronaSandbox sandbox, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sandbox.webhooks().deliveries().size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
