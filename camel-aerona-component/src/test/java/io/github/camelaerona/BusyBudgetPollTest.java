package io.github.camelaerona;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A budget kept busy by {@code normal} calls, back to back, for as long as the test lasts: the poller skips for one
 * period, then queues at {@code background}, and after one more period of waiting goes ahead of the normal callers
 * that came after it. Before calls aged, such a poller sent nothing while the load lasted.
 */
class BusyBudgetPollTest extends AeronaRouteTestSupport {

    private static final int LIMIT = 6;
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private final List<Long> received = new CopyOnWriteArrayList<>();

    @Override
    protected AeronaSandbox.Builder sandboxBuilder() {
        return AeronaSandbox.builder().rateLimit(LIMIT, PERIOD);
    }

    @Override
    protected void configure(AeronaComponent aerona) {
        aerona.getConfiguration().setRateLimit(LIMIT);
        aerona.getConfiguration().setRateLimitPeriod(PERIOD.toMillis());
        aerona.getConfiguration().setInteractiveReserve(1);
        aerona.getConfiguration().setCoalesceReads(false); // each caller's read must be a request of its own
    }

    @Test
    void aPollerIsNotStarvedByNormalCallersThatNeverStop() throws Exception {
        LocalDate from = today().minusDays(30);
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 1; i <= 4; i++) {
                    from("timer:load-" + i + "?period=1&synchronous=true").routeId("load-" + i)
                            .to("aerona:getPractices");
                }
                from("aerona:searchPayments?initialFromDate=" + from + "&timeZone=Europe/London&delay=100")
                        .routeId("payments").autoStartup(false)
                        .process(e -> received.add(e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class)));
            }
        });
        // the load fills every window before the poller starts
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.requests(r -> r.path().equals("/practices")).size()
                >= 2 * LIMIT);
        context.getRouteController().startRoute("payments");

        // skipped for at most a period, then queued; after a period of waiting it goes ahead: 2 periods and slack
        await().atMost(PERIOD.multipliedBy(5)).until(() -> !received.isEmpty());
        long practicesLater = sandbox.requests(r -> r.path().equals("/practices")).size();
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.requests(r -> r.path().equals("/practices")).size()
                > practicesLater);
        assertTrue(context.getRouteController().getRouteStatus("load-1").isStarted(), "the load went on throughout");

        List<Long> expected = sandbox.data().searchPayments(null, from, today()).stream()
                .map(p -> (Long) p.get("id")).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= expected.size());
        context.stop();
        assertEquals(expected, received, "every record once");
        List<RecordedRequest> polls = sandbox.requests(r -> r.path().equals("/payments/search"));
        assertTrue(!polls.isEmpty(), "the poll reached Aerona");
        assertTrue(sandbox.stats().maxInWindow() <= LIMIT, "never over the limit: " + sandbox.stats());
        assertEquals(0, sandbox.stats().invalidatedTokens());
    }
}
