package io.github.camelaerona.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.SandboxStats;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Budget use: 8 routes of one account, 4 callers each, saturate a scaled limit (30 per 3 s, the same code path as
 * 300 per 15 min) for five windows. The sandbox enforces the same limit and invalidates the token when it is
 * exceeded.
 */
final class BudgetBenchmark {

    static final int LIMIT = 30;
    static final Duration PERIOD = Duration.ofSeconds(3);
    static final int WINDOWS = 5;
    static final int ROUTES = 8;
    static final int CALLERS_PER_ROUTE = 4;

    Figure run() throws Exception {
        try (AeronaSandbox sandbox = AeronaSandbox.builder().rateLimit(LIMIT, PERIOD).start()) {
            CamelContext context = Harness.context(sandbox, LIMIT, PERIOD.toMillis() + "ms", "60s", new RouteBuilder() {
                @Override
                public void configure() {
                    for (int r = 0; r < ROUTES; r++) {
                        from("direct:route" + r).to("aerona:getPayment?paymentId=" + (187900 + r));
                    }
                }
            });
            ProducerTemplate template = context.createProducerTemplate();
            Duration run = PERIOD.multipliedBy(WINDOWS);
            ExecutorService callers = Executors.newFixedThreadPool(ROUTES * CALLERS_PER_ROUTE);
            AtomicInteger failures = new AtomicInteger();
            Instant start = sandbox.clock().instant();
            long deadline = System.nanoTime() + run.toNanos();
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int r = 0; r < ROUTES; r++) {
                String endpoint = "direct:route" + r;
                for (int c = 0; c < CALLERS_PER_ROUTE; c++) {
                    work.add(callers.submit(() -> {
                        while (System.nanoTime() < deadline) {
                            try {
                                template.requestBody(endpoint, (Object) null);
                            } catch (RuntimeException e) {
                                failures.incrementAndGet();
                            }
                        }
                    }));
                }
            }
            for (java.util.concurrent.Future<?> w : work) {
                w.get(2, TimeUnit.MINUTES);
            }
            callers.shutdown();
            Instant end = start.plus(run);
            long accepted = sandbox.requests(q -> q.status() == 200 && !q.at().isAfter(end)).size();
            long allowed = (long) LIMIT * WINDOWS;
            SandboxStats stats = sandbox.stats();
            context.stop();
            double ratio = (double) accepted / allowed;
            boolean met = ratio >= 0.98 && stats.invalidatedTokens() == 0 && stats.maxInWindow() <= LIMIT && failures.get() == 0;
            return new Figure("Budget use (8 routes, " + LIMIT + " per " + PERIOD.toSeconds() + " s, " + WINDOWS + " windows)",
                    String.format("%.1f%% (%d of %d); max %d in a window; %d invalidated tokens", ratio * 100, accepted,
                            allowed, stats.maxInWindow(), stats.invalidatedTokens()),
                    ">= 98%, never over, 0 invalidated", met,
                    failures.get() + " failed calls; logins and calls both count");
        }
    }
}
