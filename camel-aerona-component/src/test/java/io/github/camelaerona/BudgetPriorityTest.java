package io.github.camelaerona;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelaerona.api.BudgetReport;
import io.github.camelaerona.api.AeronaRateLimitException;
import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Priorities in the budget and the accounting of where it goes, against a sandbox enforcing 4 requests per 2 s:
 * background calls (getPractices, route "batch") queue, interactive ones (getClinicians, route "booking") overtake
 * them, background calls leave the reserve alone, and the figures match what the sandbox counted.
 */
class BudgetPriorityTest extends AeronaRouteTestSupport {

    private static final int LIMIT = 4;
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private int reserve;
    private int limit = LIMIT;
    private Duration period = PERIOD;

    @Override
    protected AeronaSandbox.Builder sandboxBuilder() {
        return AeronaSandbox.builder().rateLimit(LIMIT, PERIOD);
    }

    @Override
    protected void configure(AeronaComponent aerona) {
        aerona.getConfiguration().setRateLimit(limit);
        // the budget is loaded with identical reads: each is to be a request of its own
        aerona.getConfiguration().setCoalesceReads(false);
        aerona.getConfiguration().setRateLimitPeriod(period.toMillis());
        aerona.getConfiguration().setInteractiveReserve(reserve);
    }

    @Override
    protected void bindBeans(CamelContext context) {
        enableProducerHealthChecks(context);
    }

    private CamelContext start() throws Exception {
        return startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").routeId("batch").to("aerona:getPractices?priority=background");
                from("direct:booking").routeId("booking").to("aerona:getClinicians?priority=interactive");
                from("direct:sync").routeId("sync").to("aerona:getAppointmentTypes?priority=background");
                from("direct:impatient").routeId("impatient").to("aerona:getPractices?rateLimitMaxWait=300");
            }
        });
    }

    @Test
    void anInteractiveCallOvertakesABackgroundBacklog() throws Exception {
        reserve = 0;
        // the component holds its slots longer than the sandbox's window: the booking must be queued before the
        // first slot frees, which a stall of the JVM on a busy machine could otherwise outlast (2 s did once, and
        // 5 s once the backlog was queued after the first window's replies)
        period = Duration.ofSeconds(10);
        CamelContext context = start();
        // login + 3 sent and answered, then 6 that wait: queued after the window's replies, they have waited less
        // than a period when the first slot frees (a call that has waited a period would go ahead of the booking)
        List<CompletableFuture<Object>> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(CompletableFuture.completedFuture(template(context).requestBody("direct:batch", (Object) null)));
        }
        batch.addAll(sendAsync(context, "direct:batch", 6));
        AeronaEndpoint endpoint = endpoint(context, "getPractices");
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.getWaitingCalls() == 6
                && sandbox.apiRequests().size() == 3);
        int sentBefore = sandbox.apiRequests().size();

        CompletableFuture<Object> booking = template(context).asyncRequestBody("direct:booking", (Object) null);
        booking.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Object> call : batch) {
            call.get(30, TimeUnit.SECONDS);
        }

        List<String> paths = apiPathsInArrivalOrder();
        assertEquals(sentBefore, indexOf(paths, "/clinicians"), "the booking went first once a slot freed: " + paths);
        BudgetReport report = endpoint.budgetReport();
        assertTrue(report.waited() >= 1 && report.longestWait().toMillis() >= 1000, "waits are counted: " + report.summary());
        assertTrue(sandbox.stats().maxInWindow() <= LIMIT);
        assertEquals(0, sandbox.stats().invalidatedTokens());
    }

    @Test
    void backgroundCallsLeaveTheReserveForInteractiveOnes() throws Exception {
        reserve = 2;
        CamelContext context = start();
        List<CompletableFuture<Object>> batch = sendAsync(context, "direct:batch", 8);
        AeronaEndpoint endpoint = endpoint(context, "getPractices");
        // background takes LIMIT - reserve slots per window (the login among them) and leaves the reserve free
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.requests().size() == LIMIT - reserve
                && endpoint.getWaitingCalls() == 7);
        assertEquals(reserve, endpoint.getRequestsLeft(), "the reserve stays free while background calls wait");

        int sentBefore = sandbox.apiRequests().size();
        template(context).requestBody("direct:booking", (Object) null);
        assertEquals(sentBefore + 1, sandbox.apiRequests().size(), "the interactive call found a slot at once");
        assertEquals("/clinicians", apiPathsInArrivalOrder().get(sentBefore));

        for (CompletableFuture<Object> call : batch) {
            call.get(60, TimeUnit.SECONDS);
        }
        List<Instant> background = sandbox.requests().stream().filter(r -> !r.path().endsWith("/clinicians"))
                .map(RecordedRequest::at).toList();
        assertTrue(mostInAnyWindow(background) <= LIMIT - reserve,
                "background never used the reserve: " + mostInAnyWindow(background) + " in one window");
        assertEquals(0, sandbox.stats().invalidatedTokens());
    }

    @Test
    void theHeaderOverridesTheEndpointsPriority() throws Exception {
        reserve = 0;
        CamelContext context = start();
        List<CompletableFuture<Object>> batch = sendAsync(context, "direct:batch", 7);
        AeronaEndpoint endpoint = endpoint(context, "getPractices");
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.getWaitingCalls() == 4
                && sandbox.apiRequests().size() == 3);
        int sentBefore = sandbox.apiRequests().size();

        CompletableFuture<Object> urgent = template(context).asyncRequestBodyAndHeader("direct:sync", null,
                AeronaConstants.PRIORITY, "interactive");
        urgent.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Object> call : batch) {
            call.get(30, TimeUnit.SECONDS);
        }
        List<String> paths = apiPathsInArrivalOrder();
        assertEquals(sentBefore, indexOf(paths, "/appointment-types"), paths.toString());

        CamelExecutionException bad = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template(context).requestBodyAndHeader("direct:sync", null, AeronaConstants.PRIORITY, "urgent"));
        AeronaValidationException invalid = assertInstanceOf(AeronaValidationException.class, bad.getCause());
        assertEquals("CamelAeronaPriority", invalid.getField());
        assertTrue(invalid.getMessage().contains("getAppointmentTypes") && invalid.getMessage().contains("urgent"),
                invalid.getMessage());
    }

    @Test
    void aPriorityWithALineBreakIsRefusedNotTrimmed() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:types").to("aerona:getAppointmentTypes");
            }
        });
        for (String written : List.of("interactive\r\n", " background", "normal\n")) {
            CamelExecutionException bad = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                    () -> context.createProducerTemplate().requestBodyAndHeader("direct:types", null,
                            AeronaConstants.PRIORITY, written));
            assertInstanceOf(AeronaValidationException.class, bad.getCause(), written);
        }
        assertEquals(0, sandbox.requests().size(), "nothing was sent");
        context.createProducerTemplate().requestBodyAndHeader("direct:types", null, AeronaConstants.PRIORITY, "Interactive");
        assertEquals(2, sandbox.requests().size(), "a login and the call: the name in any case is accepted");
    }

    @Test
    void theAccountingMatchesWhatTheSandboxCounted() throws Exception {
        // a window long enough that nothing leaves it during the test: 7 requests per 20 s
        reserve = 0;
        limit = 7;
        period = Duration.ofSeconds(20);
        sandbox.close();
        sandbox = AeronaSandbox.builder().startTime(NOW).rateLimit(limit, period).start();
        CamelContext context = start();
        template(context).requestBody("direct:batch", (Object) null); // a login and a call
        template(context).requestBody("direct:booking", (Object) null);
        template(context).requestBody("direct:booking", (Object) null);
        sandbox.invalidateTokens(sandbox.username());
        template(context).requestBody("direct:booking", (Object) null); // 401, a login, a retry: 7 requests
        // the budget is used up: a call that waits 300 ms gives up, unsent
        CamelExecutionException gaveUp = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template(context).requestBody("direct:impatient", (Object) null));
        assertInstanceOf(AeronaRateLimitException.class, gaveUp.getCause());

        BudgetReport report = endpoint(context, "getPractices").budgetReport();
        assertEquals(sandbox.requests().size(), report.requests(), report.summary());
        assertEquals(sandbox.logins().size(), report.logins());
        assertEquals(Map.of("login", 2, "getPractices", 1, "getClinicians", 4), report.byOperation(), report.summary());
        assertEquals(Map.of("batch", 2, "booking", 5), report.byRoute(), "a login counts for the route it was for");
        assertEquals(1, report.retries());
        assertEquals(1, report.gaveUp(), report.summary());
        assertEquals(0, report.waited(), "the calls that were sent found a slot at once");

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                + ",type=endpoints,name=*"), null);
        ObjectName mbean = names.stream().filter(n -> n.getKeyProperty("name").contains("getPractices")).findFirst()
                .orElseThrow();
        assertEquals(report.requests(), server.getAttribute(mbean, "RequestsInWindow"));
        assertEquals(1, server.getAttribute(mbean, "GaveUpInWindow"));
        assertTrue(((String) server.getAttribute(mbean, "BudgetReport")).contains("retries 1"));

        HealthCheck.Result readiness = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("aerona-")).findFirst().orElseThrow();
        assertEquals(report.requests(), readiness.getDetails().get("requestsInWindow"));
        assertEquals(report.byRoute(), readiness.getDetails().get("requestsByRoute"));
    }

    private List<CompletableFuture<Object>> sendAsync(CamelContext context, String uri, int count) {
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(template(context).asyncRequestBody(uri, (Object) null));
        }
        return calls;
    }

    private static int indexOf(List<String> paths, String suffix) {
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).endsWith(suffix)) {
                return i;
            }
        }
        return -1;
    }

    /** The most requests that arrived within any one period. */
    private static int mostInAnyWindow(List<Instant> times) {
        List<Instant> sorted = times.stream().sorted().toList();
        int most = 0;
        for (int i = 0; i < sorted.size(); i++) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).isBefore(sorted.get(i).plus(PERIOD))) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        return most;
    }
}
