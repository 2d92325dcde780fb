package io.github.camelaerona;

import io.github.camelaerona.internal.account.SlidingWindowRateLimiter;
import io.github.camelaerona.api.AeronaRateLimitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.SandboxStats;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account's rate budget, against a sandbox that enforces the same limit and invalidates tokens over it. */
class ThrottleTest extends AeronaRouteTestSupport {

    @Override
    protected AeronaSandbox.Builder sandboxBuilder() {
        return AeronaSandbox.builder().rateLimit(10, Duration.ofSeconds(2));
    }

    @Test
    void fortyFiveCallsFromSixThreadsNeverExceedTenPerTwoSeconds() throws Exception {
        ProducerTemplate template = startContext(route("aerona:getPractices?rateLimit=10&rateLimitPeriod=2s&coalesceReads=false"))
                .createProducerTemplate();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            workers.add(threads.submit(() -> {
                go.await();
                int done = 0;
                while (next.getAndIncrement() < 45) {
                    List<?> result = template.requestBody("direct:call", null, List.class);
                    assertEquals(3, result.size());
                    done++;
                }
                return done;
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> worker : workers) {
            total += worker.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertEquals(45, total, "every call succeeded");
        SandboxStats stats = sandbox.stats();
        assertEquals(46, stats.requests(), "45 calls and one login");
        assertTrue(stats.maxInWindow() <= 10, "the sandbox saw " + stats.maxInWindow() + " in one window");
        assertEquals(0, stats.overLimit());
        assertEquals(0, stats.invalidatedTokens());
        assertEquals(1, stats.logins());
        assertTrue(sandbox.requests().stream().allMatch(r -> r.status() == 200));
        // the same check on the request log itself: no 2 s window holds more than 10 arrivals (the log is in the
        // order the replies were made, which concurrent calls can swap; the window counts arrivals)
        List<RecordedRequest> all = sandbox.requests().stream()
                .sorted(java.util.Comparator.comparing(RecordedRequest::at)).toList();
        for (int i = 10; i < all.size(); i++) {
            Duration span = Duration.between(all.get(i - 10).at(), all.get(i).at());
            assertTrue(span.compareTo(Duration.ofSeconds(2)) >= 0, "11 requests within " + span);
        }
    }

    @Test
    void waitingLongerThanRateLimitMaxWaitFails() throws Exception {
        ProducerTemplate template = startContext(
                route("aerona:getPractices?rateLimit=2&rateLimitPeriod=1m&rateLimitMaxWait=300ms")).createProducerTemplate();
        template.requestBody("direct:call", (Object) null); // the login and this call use the budget up
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:call", (Object) null));
        AeronaRateLimitException limited = assertInstanceOf(AeronaRateLimitException.class, e.getCause());
        assertTrue(limited.getMessage().contains("not sent"), limited.getMessage());
        assertEquals(2, sandbox.requests().size(), "the call that found no slot was never sent");
    }

    @Test
    void waitingExchangesHoldNoThreads() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices?rateLimit=2&rateLimitPeriod=1m&rateLimitMaxWait=1m&coalesceReads=false"));
        ProducerTemplate template = context.createProducerTemplate();
        template.requestBody("direct:call", (Object) null);
        int threadsBefore = Thread.activeCount();
        List<CompletableFuture<Object>> waiting = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            waiting.add(template.asyncRequestBody("direct:call", null));
        }
        AeronaEndpoint endpoint = context.getEndpoint("aerona:getPractices?rateLimit=2&rateLimitPeriod=1m&rateLimitMaxWait=1m&coalesceReads=false",
                AeronaEndpoint.class);
        var limiter = (io.github.camelaerona.internal.account.SlidingWindowRateLimiter) endpoint.lease().account().limiter();
        await().atMost(Duration.ofSeconds(20)).until(() -> limiter.waiting() == 200);
        int extra = Thread.activeCount() - threadsBefore;
        assertTrue(extra < 30, "200 waiting exchanges added " + extra + " threads");
        assertEquals(2, sandbox.requests().size());
        waiting.forEach(f -> f.cancel(true));
    }
}
