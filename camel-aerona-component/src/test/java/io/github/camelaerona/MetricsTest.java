package io.github.camelaerona;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Micrometer meters of the contract's Observability section, against what the sandbox counted. */
class MetricsTest extends AeronaRouteTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindBeans(CamelContext context) {
        context.getRegistry().bind("metricsRegistry", meters);
    }

    private double gauge(String name, String... tags) {
        Gauge gauge = meters.find(name).tags(tags).gauge();
        assertNotNull(gauge, name + " " + List.of(tags) + " in " + names());
        return gauge.value();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            names.add(meter.getId().getName() + meter.getId().getTags());
        }
        return names;
    }

    @Test
    void callsLoginsAndTheBudgetAreMeteredAsTheSandboxCountedThem() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices?rateLimit=50"));
        for (int i = 0; i < 3; i++) {
            template(context).requestBody("direct:call", (Object) null);
        }
        String[] ours = { "camelContext", context.getName() };
        assertEquals(3.0, meters.find("aerona.requests").tags(ours).tags("operation", "getPractices", "outcome",
                "success").counter().count());
        FunctionCounter logins = meters.find("aerona.logins").tags(ours).tags("outcome", "success").functionCounter();
        assertEquals(sandbox.logins().size(), (int) logins.count());
        assertEquals(50.0, gauge("aerona.budget.limit", ours));
        assertEquals(sandbox.requests().size(), (int) gauge("aerona.budget.used", ours), "3 calls and the login");
        assertEquals(3, meters.find("aerona.budget.wait").tags(ours).timer().count());
        String account = meters.find("aerona.budget.limit").gauge().getId().getTag("account");
        assertTrue(account.matches("user-\\d+@127\\.0\\.0\\.1:\\d+"), account);
    }

    @Test
    void callsWaitingForTheBudgetShowByPriorityAndTheMetersGoWithTheLastEndpoint() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").routeId("batch")
                        .to("aerona:getPractices?rateLimit=2&interactiveReserve=0&priority=background"
                                + "&rateLimitMaxWait=1m&coalesceReads=false");
            }
        });
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(template(context).asyncRequestBody("direct:batch", (Object) null));
        }
        // the login and one call take both slots of the 15 minutes: three wait (the call granted its slot reaches
        // the sandbox a moment later)
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("aerona.budget.waiting", "priority", "background") == 3
                && sandbox.requests().size() == 2);
        assertEquals(0.0, gauge("aerona.budget.waiting", "priority", "interactive"));

        context.getRouteController().stopRoute("batch");
        context.removeRoute("batch");
        calls.forEach(call -> call.handle((r, e) -> null).join());
        assertEquals(List.of(), meters.getMeters().stream().filter(m -> m.getId().getName().startsWith("aerona."))
                .map(m -> m.getId().getName()).toList(), "removed with the account's last endpoint");
    }
}
