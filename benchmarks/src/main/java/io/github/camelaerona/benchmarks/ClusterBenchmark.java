package io.github.camelaerona.benchmarks;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelaerona.examples.cluster.BudgetUse;
import io.github.camelaerona.examples.cluster.ClusterRun;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.SandboxStats;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * The budget shared by several JVMs through PostgreSQL. Part one: 3 instances of the cluster example (separate JVMs,
 * 8 routes each calling Aerona back to back, and the payments poller on one of them) share a scaled limit of 30 per 3 s for ten windows; the sandbox counts
 * what it saw. Four windows in, the database's clock steps an hour forward, and four windows later an hour back
 * (to where it was): the budget must neither go over nor stall. Part two, in this JVM, the cost of one shared slot: one caller sends 400 calls through the in-JVM
 * limiter and 400 through the PostgreSQL one (1,000 per 60 s, far from the limit, so nobody waits; the period sets how often the clock is checked, every 3 s here, 5 s with Aerona's), alternating blocks of 50;
 * the difference of the medians is the added latency, and the transactions PostgreSQL committed per call (each statement of the limiter is one) its
 * round trips.
 */
final class ClusterBenchmark {

    static final int INSTANCES = 3;
    static final int LIMIT = 30;
    static final Duration PERIOD = Duration.ofSeconds(3);
    static final int WINDOWS = 10;

    Figure run() throws Exception {
        ClusterRun.Settings settings = new ClusterRun.Settings(INSTANCES, LIMIT, PERIOD, 8, Duration.ZERO,
                Duration.ofSeconds(5));
        BudgetUse use;
        SandboxStats stats;
        long offsetAfterStep;
        long offsetAtEnd;
        try (ClusterRun cluster = ClusterRun.start(settings, Files.createTempDirectory("aerona-cluster-bench-"), true)) {
            AeronaSandbox sandbox = cluster.sandbox();
            // ten full windows counted, plus the first (instances start at different moments) and the last
            long start = System.nanoTime();
            letPass(start, PERIOD.multipliedBy(5));
            Instant forward = sandbox.clock().instant();
            cluster.stepDatabaseClock(Duration.ofHours(1));
            letPass(start, PERIOD.multipliedBy(9));
            offsetAfterStep = offset(cluster.postgres().dataSource());
            Instant back = sandbox.clock().instant();
            cluster.stepDatabaseClock(Duration.ZERO);
            letPass(start, PERIOD.multipliedBy(WINDOWS + 2));
            offsetAtEnd = offset(cluster.postgres().dataSource());
            stats = sandbox.stats();
            List<Instant> seen = sandbox.requests().stream().map(RecordedRequest::at).toList();
            use = BudgetUse.of(seen, LIMIT, PERIOD);
            Instant first = seen.stream().min(Instant::compareTo).orElse(forward);
            Charts.requestsInWindow("cluster-requests-in-window.png", INSTANCES + " JVMs sharing one budget through"
                    + " PostgreSQL: requests Aerona saw in each " + PERIOD.toSeconds() + " s window", seen, LIMIT, PERIOD,
                    List.of(new Charts.Event(seconds(first, forward), "database clock +1 h"),
                            new Charts.Event(seconds(first, back), "and back")));
        }
        double[] slotCost = slotCost();
        boolean met = use.mean() >= 0.95 && stats.invalidatedTokens() == 0 && stats.maxInWindow() <= LIMIT;
        return new Figure("Shared budget (" + INSTANCES + " JVMs x 8 routes, PostgreSQL, " + LIMIT + " per "
                + PERIOD.toSeconds() + " s, its clock stepped +1 h and back)",
                String.format("%.1f%% used (lowest window %.1f%%); max %d in a window; %d invalidated tokens",
                        use.mean() * 100, use.min() * 100, stats.maxInWindow(), stats.invalidatedTokens()),
                ">= 95%, never over, 0 invalidated", met,
                String.format("the account's clock offset %d ms after the step forward, %d ms after the step back; "
                        + "%d windows; one shared slot costs %.1f statements and %.2f ms of median latency per call"
                        + " (median call %.2f ms with the PostgreSQL limiter, %.2f ms with the in-JVM one, %.2fx)",
                        offsetAfterStep, offsetAtEnd, use.windows(), slotCost[0], slotCost[1] - slotCost[2], slotCost[1], slotCost[2],
                        slotCost[1] / slotCost[2]));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** The instances work on their own; this only lets the time pass. */
    private static void letPass(long startNanos, Duration sinceStart) throws InterruptedException {
        while (System.nanoTime() - startNanos < sinceStart.toNanos()) {
            Thread.sleep(50);
        }
    }

    /** @return statements per call, median ms per call with the shared limiter, median ms with the in-JVM one */
    private static double[] slotCost() throws Exception {
        int blocks = 8;
        int perBlock = 50;
        try (SandboxPostgres postgres = SandboxPostgres.start();
                AeronaSandbox localSandbox = AeronaSandbox.builder().rateLimit(0, Duration.ofSeconds(1)).start();
                AeronaSandbox sharedSandbox = AeronaSandbox.builder().rateLimit(0, Duration.ofSeconds(1)).start();
                HikariDataSource db = new HikariDataSource()) {
            db.setJdbcUrl(postgres.jdbcUrl());
            db.setMaximumPoolSize(4);
            // two sandboxes, so two accounts: one with the in-JVM budget, one with the PostgreSQL one
            CamelContext context = Harness.context(localSandbox, 1000, "60s", "60s", new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:local").to("aerona:getPayment?paymentId=187900");
                    from("direct:shared").to("aerona:getPayment?paymentId=187900&budgetDataSource=#budgetDb&baseUrl="
                            + sharedSandbox.baseUrl());
                }
            }, registry -> registry.bind("budgetDb", db));
            ProducerTemplate template = context.createProducerTemplate();
            double[] local = new double[blocks * perBlock];
            double[] shared = new double[blocks * perBlock];
            for (int i = 0; i < 100; i++) { // warm up both
                template.requestBody("direct:local", (Object) null);
                template.requestBody("direct:shared", (Object) null);
            }
            long transactionsBefore = committedTransactions(db);
            int l = 0;
            int s = 0;
            for (int b = 0; b < blocks; b++) {
                for (int i = 0; i < perBlock; i++) {
                    long t0 = System.nanoTime();
                    template.requestBody("direct:local", (Object) null);
                    local[l++] = (System.nanoTime() - t0) / 1e6;
                }
                for (int i = 0; i < perBlock; i++) {
                    long t0 = System.nanoTime();
                    template.requestBody("direct:shared", (Object) null);
                    shared[s++] = (System.nanoTime() - t0) / 1e6;
                }
            }
            // each statement of the limiter is a transaction of its own (autocommit); the two readings add two
            double statementsPerCall = (committedTransactions(db) - transactionsBefore - 1.0) / (blocks * perBlock);
            context.stop();
            return new double[] { statementsPerCall, median(shared), median(local) };
        }
    }

    /** What the instances took out of the database's clock so far: minus the step forward, then back to about 0. */
    private static long offset(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT offset_ms FROM aerona_budget_clock")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Transactions PostgreSQL committed so far, once every backend has reported its statistics. */
    private static long committedTransactions(DataSource db) throws Exception {
        Thread.sleep(2000); // backends report their statistics to the server within 500 ms of going idle
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
