package io.github.camelaerona.examples.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.main.Main;

/**
 * One instance of the finance-sync integration (camel-main, cluster-instance.properties and
 * cluster/finance-sync.camel.yaml), as a deployment would run it: start several, each in its own JVM, with
 * the same account and database. Settings come as {@code -Dcluster.*} system properties (see {@link ClusterRun}).
 * <p>
 * Two additions serve demos, tests and benchmarks only: {@code cluster.clock} runs the component's clock from a
 * pinned instant (as the sandbox's), and {@code cluster.demand-callers} adds that many routes that call Aerona
 * back to back, to press on the budget.
 */
public final class ClusterInstance {

    private ClusterInstance() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:cluster-instance.properties");
        // one poller: master: routes run where this lock is held; a dead instance's lock goes with its process
        FileLockClusterService clusterService = new FileLockClusterService();
        clusterService.setId(System.getProperty("cluster.instance"));
        clusterService.setRoot(System.getProperty("cluster.lock-dir"));
        clusterService.setAcquireLockDelay(500, TimeUnit.MILLISECONDS);
        clusterService.setAcquireLockInterval(500, TimeUnit.MILLISECONDS);
        main.bind("clusterService", clusterService);
        String pinned = System.getProperty("cluster.clock");
        if (pinned != null) {
            Clock system = Clock.systemUTC();
            main.bind("pinnedClock", Clock.offset(system, Duration.between(system.instant(), Instant.parse(pinned))));
            main.addInitialProperty("camel.component.aerona.clock", "#pinnedClock");
        }
        int callers = Integer.getInteger("cluster.demand-callers", 0);
        if (callers > 0) {
            main.configure().addRoutesBuilder(new DemandRoutes(callers));
        }
        if (Boolean.getBoolean("cluster.random-calls")) {
            Clock clock = pinned == null ? Clock.systemUTC()
                    : Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(pinned)));
            main.configure().addRoutesBuilder(new io.github.camelaerona.examples.random.RandomCallRoutes(
                    Long.getLong("cluster.seed", 1) * 31 + System.getProperty("cluster.instance").hashCode(), clock));
        }
        main.run(args);
    }

    /** Routes that each call Aerona again as soon as the previous call returned: demand beyond the budget. */
    static final class DemandRoutes extends RouteBuilder {
        private final int callers;

        DemandRoutes(int callers) {
            this.callers = callers;
        }

        @Override
        public void configure() {
            for (int i = 1; i <= callers; i++) {
                from("timer:demand-" + i + "?period=1&synchronous=true").routeId("demand-" + i)
                        .to("aerona:getPractices?priority=background")
                        .to("log:demand?level=DEBUG");
            }
        }
    }
}
