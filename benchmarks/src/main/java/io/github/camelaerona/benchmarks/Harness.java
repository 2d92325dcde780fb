package io.github.camelaerona.benchmarks;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A started CamelContext whose aerona component points at a sandbox; shared by the benchmarks. */
final class Harness {

    private Harness() {
    }

    /** With a rateLimit of 0 the budget is switched off (rateLimitEnabled=false), as the overhead benchmark needs. */
    static CamelContext context(AeronaSandbox sandbox, int rateLimit, String period, String maxWait, RoutesBuilder routes)
            throws Exception {
        return context(sandbox, rateLimit, period, maxWait, routes, registry -> {
        });
    }

    /** As above, with beans bound before the routes start. */
    static CamelContext context(AeronaSandbox sandbox, int rateLimit, String period, String maxWait, RoutesBuilder routes,
            java.util.function.Consumer<org.apache.camel.spi.Registry> beans) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(2);
        AeronaComponent aerona = new AeronaComponent();
        aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());
        aerona.getConfiguration().setUsername(sandbox.username());
        aerona.getConfiguration().setPassword(sandbox.password());
        if (rateLimit > 0) {
            aerona.getConfiguration().setRateLimit(rateLimit);
        } else {
            aerona.getConfiguration().setRateLimitEnabled(false);
        }
        aerona.getConfiguration().setRateLimitPeriod(org.apache.camel.util.TimeUtils.toMilliSeconds(period));
        aerona.getConfiguration().setRateLimitMaxWait(org.apache.camel.util.TimeUtils.toMilliSeconds(maxWait));
        // the budget benchmarks load the budget with identical reads, each to be a request of its own; the day
        // benchmark turns sharing on where it measures it
        aerona.getConfiguration().setCoalesceReads(false);
        aerona.setClock(sandbox.clock());
        context.addComponent("aerona", aerona);
        beans.accept(context.getRegistry());
        context.addRoutes(routes);
        context.start();
        return context;
    }

    /** The heap in use once garbage collection has had a few turns: what the live objects hold. */
    static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The p-th percentile of sorted figures (the nearest rank); NaN when there are none. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
