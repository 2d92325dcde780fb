package io.github.camelaerona.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Logins: 64 concurrent first calls, then the sandbox clock moves past the token's hour three times, each followed
 * by 64 concurrent calls. One login per token lifetime is the target.
 */
final class LoginBenchmark {

    static final int CALLERS = 64;
    static final int LIFETIMES = 4;

    Figure run() throws Exception {
        try (AeronaSandbox sandbox = AeronaSandbox.start()) {
            // the limiter is off here: expiring the token on the sandbox clock costs a 401 and a retry per caller, which the
            // component's real-time budget would count; this benchmark counts logins only
            CamelContext context = Harness.context(sandbox, 0, "15m", "60s", new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").to("aerona:getPractices");
                }
            });
            ProducerTemplate template = context.createProducerTemplate();
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            int failed = 0;
            for (int life = 0; life < LIFETIMES; life++) {
                if (life > 0) {
                    sandbox.clock().advance(Duration.ofMinutes(61));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Object>> calls = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    calls.add(callers.submit(() -> {
                        go.await();
                        return template.requestBody("direct:call", (Object) null);
                    }));
                }
                go.countDown();
                for (Future<Object> call : calls) {
                    try {
                        call.get(1, TimeUnit.MINUTES);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failed++;
                    }
                }
            }
            callers.shutdown();
            long logins = sandbox.stats().logins();
            context.stop();
            return new Figure("Logins (64 concurrent callers, " + LIFETIMES + " token lifetimes)",
                    String.format("%d logins for %d lifetimes (%.2f per lifetime)", logins, LIFETIMES, (double) logins / LIFETIMES),
                    "1 per token lifetime", logins == LIFETIMES && failed == 0, failed + " failed calls");
        }
    }
}
