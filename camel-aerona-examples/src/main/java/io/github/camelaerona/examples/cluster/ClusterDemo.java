package io.github.camelaerona.examples.cluster;

import java.time.Duration;

/**
 * Three instances of one integration against one sandbox and one PostgreSQL, started by one command:
 * {@code mvn -B -q -pl camel-aerona-examples exec:java -Dexec.mainClass=io.github.camelaerona.examples.cluster.ClusterDemo}.
 * The sandbox allows 30 requests per 3 seconds; each instance has 8 routes calling Aerona back to back, and the
 * poller's leader is killed with kill -9 halfway. Prints what the sandbox and the finance ledger saw.
 */
public final class ClusterDemo {

    /** The settings of the demo and of the cluster test. */
    public static final ClusterRun.Settings SETTINGS = new ClusterRun.Settings(3, 30, Duration.ofSeconds(3), 8,
            Duration.ofMillis(40), Duration.ofSeconds(5));

    private ClusterDemo() {
    }

    public static void main(String[] args) throws Exception {
        try (ClusterRun cluster = ClusterRun.start(SETTINGS, ClusterRun.tempDir())) {
            System.out.println("Started " + cluster.instances());
            FailoverScenario.Report report = FailoverScenario.run(cluster);
            System.out.println(report);
        }
    }
}
