package io.github.camelaerona.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.SandboxStats;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Priorities in the budget: one account at 30 requests per 3 s; a background route drains a queue of 1,000 calls
 * while an interactive route sends one call every 500 ms, for ten windows. Measured with priorities on
 * (interactiveReserve 7, the interactive calls of one window plus one) and with every call normal (first come, first served), with the in-JVM budget and with the
 * PostgreSQL one, each in the same run: the interactive calls' time (median, p99, max: almost all of it waiting for
 * a slot), and the share of what the interactive calls left of the budget that the background route used. The
 * application is warmed up first (logged in, each route used once), as a running one is.
 */
final class PriorityBenchmark {

    static final int LIMIT = 30;
    static final Duration PERIOD = Duration.ofSeconds(3);
    static final int WINDOWS = 10;
    static final int BACKLOG = 1000;
    /**
     * The interactive calls of one window (one per 500 ms for 3 s) plus one: a slot is held until a period after
     * its response, so the call of 3 s ago still holds its slot when the next arrives.
     */
    static final int RESERVE = 7;

    record Outcome(String label, double median, double p99, double max, int interactive, double backgroundShare,
            long invalidated, int maxInWindow, List<Double> waits) {
        @Override
        public String toString() {
            return String.format("%s: interactive wait median %.0f ms, p99 %.0f ms, max %.0f ms (%d calls); background used"
                    + " %.1f%% of what interactive left; max %d in a window, %d invalidated", label, median, p99, max,
                    interactive, backgroundShare * 100, maxInWindow, invalidated);
        }
    }

    Figure run() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(once("in-JVM, priorities", true, null));
        outcomes.add(once("in-JVM, all normal", false, null));
        try (SandboxPostgres postgres = SandboxPostgres.start(); HikariDataSource db = new HikariDataSource()) {
            db.setJdbcUrl(postgres.jdbcUrl());
            db.setMaximumPoolSize(4);
            outcomes.add(once("PostgreSQL, priorities", true, db));
            outcomes.add(once("PostgreSQL, all normal", false, db));
        }
        Map<String, List<Double>> waits = new LinkedHashMap<>();
        outcomes.forEach(o -> waits.put(o.label(), o.waits()));
        Outcome jvm = outcomes.get(0);
        Outcome shared = outcomes.get(2);
        double slotTime = PERIOD.toMillis() / (double) LIMIT;
        Charts.waits("priority-interactive-waits.png", "An interactive call every 500 ms beside 1,000 background calls ("
                + LIMIT + " per " + PERIOD.toSeconds() + " s)", waits, slotTime,
                "one freed slot (" + Math.round(slotTime) + " ms)");
        boolean met = outcomes.stream().allMatch(o -> o.invalidated() == 0 && o.maxInWindow() <= LIMIT)
                && jvm.p99() <= slotTime && shared.p99() <= slotTime
                && jvm.backgroundShare() >= 0.9 && shared.backgroundShare() >= 0.9;
        return new Figure("Priorities (1,000 background calls + 1 interactive every 500 ms, " + LIMIT + " per "
                + PERIOD.toSeconds() + " s)",
                String.format("interactive p99 %.0f ms in-JVM and %.0f ms PostgreSQL with priorities (all normal: %.0f"
                        + " and %.0f ms); background used %.1f%% / %.1f%% of what interactive left", jvm.p99(),
                        shared.p99(), outcomes.get(1).p99(), outcomes.get(3).p99(), jvm.backgroundShare() * 100,
                        shared.backgroundShare() * 100),
                "p99 <= one freed slot (" + Math.round(slotTime) + " ms), background >= 90%, 0 invalidated", met,
                String.join("; ", outcomes.stream().map(Outcome::toString).toList()));
    }

    private Outcome once(String label, boolean priorities, HikariDataSource sharedBudget) throws Exception {
        try (AeronaSandbox sandbox = AeronaSandbox.builder().rateLimit(LIMIT, PERIOD).start()) {
            String shared = sharedBudget == null ? "" : "&budgetDataSource=#budgetDb";
            CamelContext context = Harness.context(sandbox, LIMIT, PERIOD.toMillis() + "ms", "10m", new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:background").routeId("nightly-sync").to("aerona:getPractices?priority="
                            + (priorities ? "background" : "normal") + "&interactiveReserve=" + RESERVE + shared);
                    from("direct:interactive").routeId("booking-page").to("aerona:getClinicians?priority="
                            + (priorities ? "interactive" : "normal") + "&interactiveReserve=" + RESERVE + shared);
                }
            }, registry -> {
                if (sharedBudget != null) {
                    registry.bind("budgetDb", sharedBudget);
                }
            });
            ProducerTemplate template = context.createProducerTemplate();
            // a running application: logged in, both routes used once
            template.requestBody("direct:interactive", (Object) null);
            template.requestBody("direct:background", (Object) null);
            Instant start = sandbox.clock().instant();
            List<CompletableFuture<Object>> backlog = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                backlog.add(template.asyncRequestBody("direct:background", (Object) null));
            }
            Thread.sleep(1000); // the backlog queued (1,000 exchanges created and waiting) before the first booking
            List<Double> waits = new ArrayList<>();
            long end = System.nanoTime() + PERIOD.multipliedBy(WINDOWS).toNanos();
            long next = System.nanoTime();
            while (next < end) {
                long t0 = System.nanoTime();
                template.requestBody("direct:interactive", (Object) null);
                waits.add((System.nanoTime() - t0) / 1e6);
                next += 500_000_000L;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            Instant stop = sandbox.clock().instant();
            SandboxStats stats = sandbox.stats();
            List<RecordedRequest> seen = sandbox.requests(r -> !r.at().isAfter(stop));
            long interactive = seen.stream().filter(r -> r.path().endsWith("/clinicians")).count();
            long background = seen.size() - interactive; // logins count as the background's: its first call logged in
            double windows = Duration.between(start, stop).toMillis() / (double) PERIOD.toMillis();
            double left = LIMIT * windows - interactive;
            context.stop();
            backlog.forEach(f -> f.cancel(false));
            double[] sorted = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Outcome(label, Harness.percentile(sorted, 50), Harness.percentile(sorted, 99),
                    sorted[sorted.length - 1],
                    sorted.length, Math.min(1.0, background / left), stats.invalidatedTokens(), stats.maxInWindow(),
                    List.copyOf(waits));
        }
    }
}
