package io.github.camelaerona.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.SandboxStats;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;

/**
 * Many clinics in one JVM: {@value #ACCOUNTS} accounts (the sandbox with as many users) served by one route that
 * names the account of each message, {@value #CALLS_PER_ACCOUNT} calls each, first in memory and then with the
 * PostgreSQL budget. The load runs in a JVM of its own ({@link TenantsLoad}) so that threads and heap are the
 * component's; the sandbox stays here and counts logins and each account's windows. Baselines, in the same JVM and
 * run: the threads with one account ({@code solo}) in use, before the others; the median of {@value #SOLO_CALLS}
 * calls of that one account, after the others (as warm a JVM); for the heap, a second round over the accounts once
 * the first drained, against the heap of the warm JVM with no account open (the first round loads classes and
 * fills the pools: JVM memory, not the accounts').
 */
final class TenantsBenchmark {

    static final int ACCOUNTS = 1000;
    static final int CALLS_PER_ACCOUNT = 4;
    static final int SOLO_CALLS = 26;
    static final int LIMIT = 30;
    static final Duration PERIOD = Duration.ofSeconds(40);
    /**
     * Bytes per account below which an idle figure is zero: heap readings after System.gc() move by tens of KiB
     * from run to run, a few bytes over 1,000 accounts.
     */
    static final long IDLE_NOISE = 64;
    /** The component's default, which sizes the context's worker pool. */
    static final int MAX_CONNECTIONS = 20;

    static String user(int i) {
        return "clinic-user-" + i;
    }

    static String password(String user) {
        return "benchmark-password-of-" + user;
    }

    Figure run() throws Exception {
        Map<String, Long> memory = measure(null);
        Map<String, Long> shared;
        try (SandboxPostgres postgres = SandboxPostgres.start()) {
            shared = measure(postgres.jdbcUrl());
        }
        boolean met = true;
        StringBuilder measured = new StringBuilder();
        StringBuilder detail = new StringBuilder();
        for (Map.Entry<String, Map<String, Long>> run : List.of(Map.entry("in memory", memory),
                Map.entry("PostgreSQL", shared))) {
            Map<String, Long> m = run.getValue();
            long perActive = (m.get("heapActive") - m.get("heapBase")) / ACCOUNTS;
            long perIdle = (m.get("heapIdle") - m.get("heapBase")) / ACCOUNTS;
            double medianSolo = Double.longBitsToDouble(m.get("medianSolo"));
            double medianTenant = Double.longBitsToDouble(m.get("medianTenant"));
            boolean neverOver = m.get("over") == 0 && m.get("invalidated") == 0;
            met &= m.get("threadsAll") <= m.get("threadsOne") + 4 && m.get("workersAll") <= MAX_CONNECTIONS
                    && perActive <= 32 * 1024 && perIdle < IDLE_NOISE && m.get("logins") == 2L * ACCOUNTS + 1 && neverOver
                    && m.get("openAfterDrain") == 0 && m.get("openAfterSecondDrain") == 0;
            measured.append(String.format("%s%s: aerona threads %d with 1 account, %d with %d; heap %d B per active and"
                    + " %d B per idle account; logins %d (%d accounts, 2 rounds, +1); never over: %s; median call %.2fx"
                    + " of one account's", measured.length() == 0 ? "" : "; ", run.getKey(), m.get("threadsOne"),
                    m.get("threadsAll"), ACCOUNTS, perActive, perIdle, m.get("logins"), ACCOUNTS,
                    neverOver ? "yes" : "no", medianTenant / medianSolo));
            detail.append(String.format("%s%s: the context's AeronaWorker pool %d threads with 1 account, %d with %d"
                    + " (fixed, at most maxConnections = %d, filled by calls that continue after waiting); accounts open"
                    + " after the calls %d, after their windows drained %d; heap (warm JVM, no account) %.1f MiB, with"
                    + " %d active (%d open) %.1f MiB, idle again %.1f MiB; median call %.2f ms across the accounts, %.2f ms for one",
                    detail.length() == 0 ? "" : "; ", run.getKey(), m.get("workersOne"), m.get("workersAll"), ACCOUNTS,
                    MAX_CONNECTIONS, m.get("openAfterCalls"), m.get("openAfterDrain"), m.get("heapBase") / 1048576.0,
                    ACCOUNTS, m.get("openWhenActive"), m.get("heapActive") / 1048576.0, m.get("heapIdle") / 1048576.0, medianTenant, medianSolo));
        }
        return new Figure("Many accounts (" + ACCOUNTS + " accounts, one route, " + CALLS_PER_ACCOUNT + " calls each)",
                measured.toString(), "aerona threads <= 1 account's + 4, <= 32 KiB per active and 0 (< " + IDLE_NOISE + " B) per idle account,"
                        + " a login per account, never over", met, detail.toString());
    }

    /** Runs the load against a fresh sandbox; its printed figures plus the sandbox's counts. */
    private static Map<String, Long> measure(String jdbcUrl) throws Exception {
        AeronaSandbox.Builder builder = AeronaSandbox.builder().rateLimit(LIMIT, PERIOD)
                .user("solo-user", password("solo-user"));
        for (int i = 0; i < ACCOUNTS; i++) {
            builder.user(user(i), password(user(i)));
        }
        try (AeronaSandbox sandbox = builder.start()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-cp", System.getProperty("java.class.path"), TenantsLoad.class.getName(), sandbox.baseUrl(),
                    Integer.toString(ACCOUNTS), jdbcUrl == null ? "-" : jdbcUrl));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Map<String, Long> figures = new HashMap<>();
            List<String> output = new ArrayList<>();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.matches("[a-zA-Z]+=-?[0-9.E-]+")) {
                        String[] kv = line.split("=", 2);
                        figures.put(kv[0], kv[0].startsWith("median")
                                ? Double.doubleToLongBits(Double.parseDouble(kv[1])) : Long.parseLong(kv[1]));
                    }
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || !figures.containsKey("medianTenant")) {
                process.destroyForcibly();
                throw new IllegalStateException("The load JVM failed: " + String.join("\n",
                        output.subList(Math.max(0, output.size() - 20), output.size())));
            }
            figures.put("logins", (long) sandbox.logins().size());
            long over = 0;
            long invalidated = 0;
            for (int i = 0; i < ACCOUNTS; i++) {
                SandboxStats stats = sandbox.stats(user(i));
                over += stats.maxInWindow() > LIMIT ? 1 : 0;
                invalidated += stats.invalidatedTokens();
            }
            figures.put("over", over);
            figures.put("invalidated", invalidated);
            return figures;
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
