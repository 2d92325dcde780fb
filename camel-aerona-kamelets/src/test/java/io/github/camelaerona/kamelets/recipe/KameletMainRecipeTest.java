package io.github.camelaerona.kamelets.recipe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.main.KameletMain;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The KameletMain recipe of docs/kamelets.md, run as written: a Pipe of the payments source into files starts
 * without one ERROR in the log (KameletMain's defaults try to download a Kamelet catalog and log stack traces
 * when they cannot), and delivers the sandbox's payments.
 */
@WithAeronaSandbox(startTime = "2026-06-17T10:00:00Z")
class KameletMainRecipeTest {

    @TempDir
    Path out;

    @Test
    void thePaymentsPipeRunsOnTheRecipeWithoutAnError(AeronaSandbox sandbox) throws Exception {
        List<String> errors = new ArrayList<>();
        AbstractAppender capture = new AbstractAppender("recipe-errors", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.ERROR)) {
                    synchronized (errors) {
                        errors.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
                    }
                }
            }
        };
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        capture.start();
        LoggerConfig root = logs.getConfiguration().getRootLogger();
        root.addAppender(capture, Level.ALL, null);
        logs.updateLoggers();
        KameletMain main = PipesOnKameletMain.kameletMain("classpath:pipes/payments-to-file.yaml");
        try {
            main.setDefaultPropertyPlaceholderLocation("false");
            main.addInitialProperty("camel.component.aerona.base-url", sandbox.baseUrl());
            main.addInitialProperty("camel.component.aerona.username", sandbox.username());
            main.addInitialProperty("camel.component.aerona.password", sandbox.password());
            main.addInitialProperty("camel.component.aerona.time-zone", "Europe/London");
            main.addInitialProperty("camel.kamelet.aerona-payments-source.initialFromDate", "2026-01-01");
            main.addInitialProperty("out.dir", out.toString());
            main.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> paymentFiles() > 0);
        } finally {
            main.stop();
            root.removeAppender("recipe-errors");
            logs.updateLoggers();
        }
        synchronized (errors) {
            assertEquals(List.of(), errors, "no ERROR while the recipe started and ran");
        }
    }

    private long paymentFiles() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().startsWith("payment-")).count();
        }
    }
}
