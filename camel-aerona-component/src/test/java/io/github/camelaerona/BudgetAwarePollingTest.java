package io.github.camelaerona;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.api.BudgetReport;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.SandboxFault;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poll that would have to wait for the budget gives way to the account's other work: it is skipped and counted,
 * and a later poll asks for the same window, so every record still arrives once.
 */
class BudgetAwarePollingTest extends AeronaRouteTestSupport {

    private static final int LIMIT = 3;
    private static final Duration PERIOD = Duration.ofSeconds(3);
    private final List<Long> received = new CopyOnWriteArrayList<>();

    @Override
    protected AeronaSandbox.Builder sandboxBuilder() {
        return AeronaSandbox.builder().rateLimit(LIMIT, PERIOD);
    }

    @Override
    protected void configure(AeronaComponent aerona) {
        aerona.getConfiguration().setRateLimit(LIMIT);
        aerona.getConfiguration().setRateLimitPeriod(PERIOD.toMillis());
        aerona.getConfiguration().setInteractiveReserve(0);
    }

    @Test
    void aPollThatWouldWaitIsSkippedAndALaterOneDeliversEveryRecordOnce() throws Exception {
        LocalDate from = today().minusDays(30);
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:front-desk").routeId("front-desk")
                        .to("aerona:getPatient?patientId=426709&priority=interactive&coalesceReads=false");
                from("aerona:searchPayments?initialFromDate=" + from + "&timeZone=Europe/London&delay=100")
                        .routeId("payments").autoStartup(false)
                        .process(e -> received.add(e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class)));
            }
        });
        // the window is full while the front desk's two calls are in flight: the login and two slots of three
        SandboxFault held = SandboxFault.hold().path("/patients").times(2);
        sandbox.injectFault(held);
        List<CompletableFuture<Object>> frontDesk = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            frontDesk.add(template(context).asyncRequestBody("direct:front-desk", null));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> held.holding() == 2);
        AeronaEndpoint endpoint = endpoint(context, "getPatient");
        assertEquals(0, endpoint.getRequestsLeft());

        context.getRouteController().startRoute("payments");
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.budgetReport().pollsSkipped() >= 2);
        Map<String, Object> paidMeanwhile = sandbox.data().addPayment(426709L, new BigDecimal("42.50"), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.budgetReport().pollsSkipped() >= 3);
        assertEquals(List.of(), sandbox.requests(r -> r.path().equals("/payments/search")),
                "no poll was sent, and none waited in line: " + endpoint.budgetReport().summary());
        assertEquals(0, endpoint(context, "searchPayments").getWaitingCalls(),
                "a skipped poll does not queue behind the busy budget");
        BudgetReport busy = endpoint.budgetReport();
        assertTrue(busy.summary().contains(busy.pollsSkipped() + " polls skipped"), busy.summary());
        assertEquals(busy.pollsSkipped(), busy.asMap().get("pollsSkippedInWindow"));
        assertTrue((Integer) jmxAttribute(context, "searchPayments", "PollsSkippedInWindow") >= busy.pollsSkipped());

        held.release();
        for (CompletableFuture<Object> call : frontDesk) {
            call.get(30, TimeUnit.SECONDS);
        }
        List<Long> expected = sandbox.data().searchPayments(null, from, today()).stream()
                .map(p -> (Long) p.get("id")).toList();
        assertTrue(expected.contains((Long) paidMeanwhile.get("id")));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= expected.size()
                && sandbox.requests(r -> r.path().equals("/payments/search")).size() >= 2);

        assertEquals(expected, received, "every record once, the one paid during the busy window among them");
        assertTrue(sandbox.stats().maxInWindow() <= LIMIT, "never over the limit: " + sandbox.stats());
        assertEquals(0, sandbox.stats().invalidatedTokens());
    }
}
