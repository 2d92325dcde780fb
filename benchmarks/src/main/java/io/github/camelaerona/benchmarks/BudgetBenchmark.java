package io.github.camelaerona.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * exceeded. Then the restart: the same load in a JVM of its own for three windows, which exits and is started again
 * at once for three more, once with a {@code budgetJournal} and once without (the baseline: what a restart does to
 * the window when nothing carries it over).
 */
final class BudgetBenchmark {

    static final int LIMIT = 30;
    static final Duration PERIOD = Duration.ofSeconds(3);
    static final int WINDOWS = 5;
    static final int ROUTES = 8;
    static final int CALLERS_PER_ROUTE = 4;

    Figure run() throws Exception {
        try (AeronaSandbox sandbox = AeronaSandbox.builder().rateLimit(LIMIT, PERIOD).start()) {
            CamelContext context = Harness.context(sandbox, LIMIT, PERIOD.toMillis() + "ms", "60s", routes());
            Duration run = PERIOD.multipliedBy(WINDOWS);
            Instant start = sandbox.clock().instant();
            int failures = saturate(context, run);
            Instant end = start.plus(run);
            long accepted = sandbox.requests(q -> q.status() == 200 && !q.at().isAfter(end)).size();
            long allowed = (long) LIMIT * WINDOWS;
            SandboxStats stats = sandbox.stats();
            context.stop();
            double ratio = (double) accepted / allowed;
            boolean met = ratio >= 0.98 && stats.invalidatedTokens() == 0 && stats.maxInWindow() <= LIMIT && failures == 0;
            return new Figure("Budget use (8 routes, " + LIMIT + " per " + PERIOD.toSeconds() + " s, " + WINDOWS + " windows)",
                    String.format("%.1f%% (%d of %d); max %d in a window; %d invalidated tokens", ratio * 100, accepted,
                            allowed, stats.maxInWindow(), stats.invalidatedTokens()),
                    ">= 98%, never over, 0 invalidated", met,
                    failures + " failed calls; logins and calls both count");
        }
    }

    /** The same load across a restart of its JVM, with the journal and without. */
    Figure restart() throws Exception {
        Path dir = Files.createTempDirectory("aerona-budget-restart-");
        SandboxStats withJournal = acrossRestart(dir.resolve("budget.journal").toString());
        SandboxStats without = acrossRestart("");
        boolean met = withJournal.maxInWindow() <= LIMIT && withJournal.invalidatedTokens() == 0;
        return new Figure("Budget across a restart (the load of the row above in a JVM that exits after 3 windows and"
                + " starts again at once, " + LIMIT + " per " + PERIOD.toSeconds() + " s)",
                String.format("with budgetJournal: max %d in a window, %.2fx the limit, %d invalidated tokens;"
                        + " without (baseline): max %d, %.2fx, %d invalidated", withJournal.maxInWindow(),
                        (double) withJournal.maxInWindow() / LIMIT, withJournal.invalidatedTokens(), without.maxInWindow(),
                        (double) without.maxInWindow() / LIMIT, without.invalidatedTokens()),
                "with the journal never over, 0 invalidated", met,
                String.format("requests the sandbox answered 200: %d with the journal, %d without",
                        withJournal.requests() - withJournal.overLimit(), without.requests() - without.overLimit()));
    }

    private static SandboxStats acrossRestart(String journal) throws Exception {
        try (AeronaSandbox sandbox = AeronaSandbox.builder().rateLimit(LIMIT, PERIOD).start()) {
            for (int run = 0; run < 2; run++) {
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), BudgetLoad.class.getName(), sandbox.baseUrl(),
                        sandbox.username(), Long.toString(PERIOD.multipliedBy(3).toMillis()), journal);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("AERONA_PASSWORD", sandbox.password());
                Process process = builder.start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("The load JVM did not exit");
                }
            }
            return sandbox.stats();
        }
    }

    static RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int r = 0; r < ROUTES; r++) {
                    from("direct:route" + r).to("aerona:getPayment?paymentId=" + (187900 + r));
                }
            }
        };
    }

    /** Keeps every route's callers calling until {@code run} has passed; returns how many calls failed. */
    static int saturate(CamelContext context, Duration run) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService callers = Executors.newFixedThreadPool(ROUTES * CALLERS_PER_ROUTE);
        AtomicInteger failures = new AtomicInteger();
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
        return failures.get();
    }
}
