package io.github.camelaerona.examples;

import java.util.concurrent.TimeUnit;

import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;

/**
 * Runs the YAML route set (routes/aerona-routes.camel.yaml) on camel-main, configured by application.properties,
 * against the embedded sandbox, or against a real account when AERONA_BASE_URL, AERONA_USERNAME and
 * AERONA_PASSWORD are set.
 */
public final class YamlRoutesMain {

    private YamlRoutesMain() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv("AERONA_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            run(baseUrl, System.getenv("AERONA_USERNAME"), System.getenv("AERONA_PASSWORD"));
            return;
        }
        try (AeronaSandbox sandbox = AeronaSandbox.start()) {
            run(sandbox.baseUrl(), sandbox.username(), sandbox.password());
        }
    }

    /** Starts camel-main, waits until both YAML routes have run once, and stops; true when they did. */
    public static boolean run(String baseUrl, String username, String password) throws Exception {
        Main main = new Main();
        main.addInitialProperty("aerona.base-url", baseUrl);
        main.addInitialProperty("aerona.username", username);
        main.addInitialProperty("aerona.password", password);
        main.start();
        try {
            NotifyBuilder done = new NotifyBuilder(main.getCamelContext()).whenCompleted(2).create();
            return done.matches(30, TimeUnit.SECONDS);
        } finally {
            main.stop();
        }
    }
}
