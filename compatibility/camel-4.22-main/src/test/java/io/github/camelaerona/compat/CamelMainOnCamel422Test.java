package io.github.camelaerona.compat;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelaerona.examples.AeronaDemo;
import io.github.camelaerona.examples.DemoRoutes;
import io.github.camelaerona.examples.DemoSummary;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component jar as built on Camel 4.18, in an application whose Camel is 4.22: the demo's booking and finance
 * routes, a payments poller and the endpoint's JMX attributes. The webhook consumer is not run here:
 * camel-platform-http-main 4.22.0 is not on Maven Central.
 */
@WithAeronaSandbox(startTime = "2026-06-17T10:00:00Z")
class CamelMainOnCamel422Test {

    private AeronaSandbox sandbox;

    @Test
    void theClasspathIsCamel422() {
        assertTrue(new DefaultCamelContext().getVersion().startsWith("4.22."), new DefaultCamelContext().getVersion());
    }

    @Test
    void theDemosBookingAndFinanceRoutesAndAPollerRun() throws Exception {
        Clock clock = sandbox.clock().withZone(AeronaDemo.PRACTICE_ZONE);
        List<Payment> polled = new CopyOnWriteArrayList<>();
        Main main = main();
        main.bind("aeronaClock", clock);
        main.addInitialProperty("camel.component.aerona.clock", "#aeronaClock");
        main.configure().addRoutesBuilder(new DemoRoutes(426709L, clock));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:searchPayments?delay=60000&initialFromDate=2026-06-01")
                        .process(e -> polled.add(e.getMessage().getBody(Payment.class)));
            }
        });
        main.start();
        try {
            long expected = sandbox.data().searchPayments(null, LocalDate.parse("2026-06-01"),
                    LocalDate.now(clock)).size();
            assertTrue(expected > 0, "the seeded data has payments in the window");
            await().atMost(Duration.ofSeconds(30)).until(() -> polled.size() == expected);

            DemoSummary summary = main.getCamelTemplate().requestBody("direct:demo", null, DemoSummary.class);
            Long booked = summary.bookedAppointmentId();
            assertNotNull(booked, summary::toString);
            assertEquals(2, sandbox.data().appointment(booked).get("appointmentStatusId"), "booked, then confirmed");
            List<String> calls = sandbox.requests().stream().map(r -> r.method() + " " + r.path()).toList();
            assertEquals(List.of("POST /login", "GET /payments/search", "GET /practices", "GET /appointment-types",
                    "GET /clinicians", "GET /find-appointment-slots", "POST /appointments",
                    "PUT /appointments/" + booked + "/status", "GET /patients/426709", "GET /payments/search",
                    "GET /invoices/search"), calls);
        } finally {
            main.stop();
        }
    }

    @Test
    void theEndpointsBudgetIsInJmx() throws Exception {
        Main main = main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices");
            }
        });
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            main.getCamelTemplate().requestBody("direct:practices", (Object) null);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context="
                    + context.getManagementName() + ",type=endpoints,*"), null);
            ObjectName endpoint = names.stream().filter(n -> n.getKeyProperty("name").contains("getPractices"))
                    .findFirst().orElseThrow(() -> new AssertionError("no aerona endpoint in " + names));
            assertEquals(2, server.getAttribute(endpoint, "RequestsInWindow"), "the login and the call");
            assertEquals(2, sandbox.requests().size());
        } finally {
            main.stop();
        }
    }

    private Main main() {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addInitialProperty("camel.component.aerona.base-url", sandbox.baseUrl());
        main.addInitialProperty("camel.component.aerona.username", sandbox.username());
        main.addInitialProperty("camel.component.aerona.password", sandbox.password());
        return main;
    }
}
