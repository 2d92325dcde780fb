package io.github.camelaerona.benchmarks;

import java.time.Duration;

import io.github.camelaerona.AeronaComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The budget benchmark's load in a JVM of its own, which then exits, so that the benchmark can start it twice in a
 * row as a restarted application: {@code baseUrl username runMillis journal} (journal empty for none), the password
 * in {@code AERONA_PASSWORD}.
 */
public final class BudgetLoad {

    private BudgetLoad() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(2);
        AeronaComponent aerona = new AeronaComponent();
        aerona.getConfiguration().setBaseUrl(args[0]);
        aerona.getConfiguration().setUsername(args[1]);
        aerona.getConfiguration().setPassword(System.getenv("AERONA_PASSWORD"));
        aerona.getConfiguration().setRateLimit(BudgetBenchmark.LIMIT);
        aerona.getConfiguration().setRateLimitPeriod(BudgetBenchmark.PERIOD.toMillis());
        aerona.getConfiguration().setRateLimitMaxWait(60_000);
        if (args.length > 3 && !args[3].isEmpty()) {
            aerona.getConfiguration().setBudgetJournal(args[3]);
        }
        context.addComponent("aerona", aerona);
        context.addRoutes(BudgetBenchmark.routes());
        context.start();
        int failures = BudgetBenchmark.saturate(context, Duration.ofMillis(Long.parseLong(args[2])));
        System.out.println(failures + " failed calls");
        context.stop();
    }
}
