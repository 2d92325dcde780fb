package io.github.camelaerona.examples;

import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.main.Main;

/**
 * Runs the demo routes on camel-main. Without settings it starts the embedded Aerona sandbox and runs against
 * it; with AERONA_BASE_URL, AERONA_USERNAME and AERONA_PASSWORD set it runs against that Aerona account instead
 * (and books an appointment only when AERONA_DEMO_PATIENT_ID names the patient to book for).
 */
public final class AeronaDemo {

    private AeronaDemo() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv("AERONA_BASE_URL");
        AeronaSandbox sandbox = null;
        String username = System.getenv("AERONA_USERNAME");
        String password = System.getenv("AERONA_PASSWORD");
        Long patientId = System.getenv("AERONA_DEMO_PATIENT_ID") == null ? null
                : Long.valueOf(System.getenv("AERONA_DEMO_PATIENT_ID"));
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
            DemoSummary summary = run(baseUrl, username, password, patientId);
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

    /** Starts camel-main with the aerona component set through properties, runs the demo route once, stops. */
    public static DemoSummary run(String baseUrl, String username, String password, Long patientId) throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.aerona.baseUrl", baseUrl);
        main.addInitialProperty("camel.component.aerona.username", username);
        main.addInitialProperty("camel.component.aerona.password", password);
        main.configure().addRoutesBuilder(new DemoRoutes(patientId));
        main.start();
        try {
            return main.getCamelTemplate().requestBody("direct:demo", null, DemoSummary.class);
        } finally {
            main.stop();
        }
    }
}
