package io.github.camelaerona;

import java.time.Duration;
import java.util.List;

import io.github.camelaerona.sandbox.RecordedRequest;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The poller's default as a camel-main application runs it: a consumer that sets no delay polls once a minute.
 * Counted at the sandbox, since Camel's scheduled poll endpoint applied its own 500 ms whatever the endpoint declared.
 */
class PollingDefaultsAsRunTest extends AeronaRouteTestSupport {

    @Test
    void aPollerWithoutDelayPollsOnceAMinuteInCamelMain() throws Exception {
        Main main = startMain("aerona:searchInvoices");
        try {
            // Camel's initialDelay (1 s) before the first poll; at 500 ms the next seconds would bring several more
            await().atMost(Duration.ofSeconds(10)).until(() -> searches().size() == 1);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> searches().size() == 1);

            Route route = main.getCamelContext().getRoute("invoices");
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) route.getConsumer();
            assertEquals(60_000L, consumer.getDelay(), "the delay the scheduler runs with");
        } finally {
            main.stop();
        }
    }

    @Test
    void aDelayOptionStillWinsAsADuration() throws Exception {
        Main main = startMain("aerona:searchInvoices?delay=200ms&initialDelay=0");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> searches().size() >= 3);
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) main.getCamelContext().getRoute("invoices").getConsumer();
            assertEquals(200L, consumer.getDelay());
        } finally {
            main.stop();
        }
    }

    /** camel-main with the account in its properties and one route from the given consumer URI. */
    private Main startMain(String consumer) throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.aerona.base-url", sandbox.baseUrl());
        main.addInitialProperty("camel.component.aerona.username", sandbox.username());
        main.addInitialProperty("camel.component.aerona.password", sandbox.password());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer).routeId("invoices").to("log:invoices?level=OFF");
            }
        });
        main.start();
        return main;
    }

    private List<RecordedRequest> searches() {
        return sandbox.requests(r -> r.path().endsWith("/invoices/search"));
    }
}
