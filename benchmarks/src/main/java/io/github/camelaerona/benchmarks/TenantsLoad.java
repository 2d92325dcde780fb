package io.github.camelaerona.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.internal.account.AeronaAccounts;
import io.github.camelaerona.api.AeronaAccountResolver;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The tenants benchmark's load, in a JVM of its own so that its threads and heap are the component's and not the
 * sandbox's: {@code baseUrl accounts jdbcUrl} (jdbcUrl {@code -} for the in-JVM budget). One route names the
 * account of each message; the accountResolver knows {@code clinic-0 .. clinic-N-1} and {@code solo}, with the
 * password {@code TenantsBenchmark.password(user)}. Prints {@code key=value} lines for the benchmark to read.
 */
public final class TenantsLoad {

    private TenantsLoad() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int accounts = Integer.parseInt(args[1]);
        String jdbcUrl = args[2];
        Map<String, AeronaAccountResolver.Account> known = new HashMap<>();
        known.put("solo", new AeronaAccountResolver.Account(null, "solo-user", TenantsBenchmark.password("solo-user")));
        for (int i = 0; i < accounts; i++) {
            String user = TenantsBenchmark.user(i);
            known.put("clinic-" + i, new AeronaAccountResolver.Account(null, user, TenantsBenchmark.password(user)));
        }
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(2);
        AeronaComponent aerona = new AeronaComponent();
        aerona.getConfiguration().setBaseUrl(baseUrl);
        aerona.getConfiguration().setAccountResolver(known::get);
        aerona.getConfiguration().setRateLimit(TenantsBenchmark.LIMIT);
        aerona.getConfiguration().setRateLimitPeriod(TenantsBenchmark.PERIOD.toMillis());
        HikariDataSource db = null;
        if (!jdbcUrl.equals("-")) {
            db = new HikariDataSource();
            db.setJdbcUrl(jdbcUrl);
            db.setMaximumPoolSize(4);
            aerona.getConfiguration().setBudgetDataSource(db);
        }
        context.addComponent("aerona", aerona);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("aerona:getPayment?paymentId=187900");
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        double[] tenant = new double[accounts * TenantsBenchmark.CALLS_PER_ACCOUNT];
        double[] solo = new double[TenantsBenchmark.SOLO_CALLS];

        timed(template, "solo"); // one account in use
        print("threadsOne", aeronaThreads());
        print("workersOne", workerThreads());

        // round 1: every account, CALLS_PER_ACCOUNT calls each in passes over all of them; then the one account
        // again, in a JVM as warm, for the baseline median
        int n = 0;
        for (int pass = 0; pass < TenantsBenchmark.CALLS_PER_ACCOUNT; pass++) {
            for (int i = 0; i < accounts; i++) {
                tenant[n++] = timed(template, "clinic-" + i);
            }
        }
        for (int i = 0; i < solo.length; i++) {
            solo[i] = timed(template, "solo");
        }
        print("threadsAll", aeronaThreads());
        print("workersAll", workerThreads());
        print("openAfterCalls", AeronaAccounts.openAccounts());
        awaitDrained();
        print("openAfterDrain", AeronaAccounts.openAccounts());

        // round 2, in a warm JVM whose pools are full: the heap of the accounts themselves
        long heapBase = Harness.usedHeap();
        for (int i = 0; i < accounts; i++) {
            timed(template, "clinic-" + i);
        }
        long heapActive = Harness.usedHeap();
        print("openWhenActive", AeronaAccounts.openAccounts());
        awaitDrained();
        long heapIdle = Harness.usedHeap();
        print("heapBase", heapBase);
        print("heapActive", heapActive);
        print("heapIdle", heapIdle);
        print("openAfterSecondDrain", AeronaAccounts.openAccounts());
        System.out.println("medianSolo=" + TenantsBenchmark.median(solo));
        System.out.println("medianTenant=" + TenantsBenchmark.median(tenant));
        context.stop();
        if (db != null) {
            db.close();
        }
    }

    private static double timed(ProducerTemplate template, String account) {
        long t0 = System.nanoTime();
        template.requestBodyAndHeader("direct:call", null, AeronaConstants.ACCOUNT, account);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void print(String key, long value) {
        System.out.println(key + "=" + value);
    }

    /** The windows drain by themselves, a period after each account's last call. */
    private static void awaitDrained() throws InterruptedException {
        long deadline = System.nanoTime() + TenantsBenchmark.PERIOD.multipliedBy(3).toNanos();
        while (AeronaAccounts.openAccounts() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** Live threads of the component's own: the shared scheduler and the shared-budget workers. */
    private static int aeronaThreads() {
        return threadsNamed(name -> name.startsWith("aerona-"));
    }

    /** Live threads of the context's pool where calls that waited continue (fixed, at most maxConnections). */
    private static int workerThreads() {
        return threadsNamed(name -> name.contains("AeronaWorker"));
    }

    private static int threadsNamed(java.util.function.Predicate<String> name) {
        ThreadInfo[] infos = ManagementFactory.getThreadMXBean().getThreadInfo(
                ManagementFactory.getThreadMXBean().getAllThreadIds());
        return (int) Arrays.stream(infos).filter(Objects::nonNull).map(ThreadInfo::getThreadName).filter(name).count();
    }
}
