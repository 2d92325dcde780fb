package io.github.camelaerona.examples.cluster;

import java.nio.file.Path;

import io.github.camelaerona.sandbox.SandboxStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three instances of the finance-sync integration, each a separate JVM process, one sandbox (30 requests per 3 s,
 * invalidating on excess), one real PostgreSQL: one budget, one poller, one memory. Exactly the cluster demo.
 */
class ClusterFailoverTest {

    @Test
    void threeProcessesShareOneBudgetOnePollerAndOneMemoryThroughALeaderKilledMidRun(@TempDir Path work) throws Exception {
        ClusterRun.Settings settings = ClusterDemo.SETTINGS;
        try (ClusterRun cluster = ClusterRun.start(settings, work)) {
            FailoverScenario.Report report;
            try {
                report = FailoverScenario.run(cluster);
            } catch (RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + cluster.logs(), e);
            }
            System.out.println(report);
            SandboxStats stats = report.stats();

            // one budget: pressed on by 24 callers, never exceeded
            assertEquals(settings.limit(), stats.maxInWindow(), "demand reached the limit, and never went past it");
            assertEquals(0, stats.overLimit());
            assertEquals(0, stats.invalidatedTokens());
            assertEquals(settings.instances(), stats.logins(), "one login per instance: tokens are not shared");

            // one poller: the leader died mid-delivery, another delivered everything else
            assertTrue(report.rowsAtKill() < report.payments(), "killed mid-delivery");
            assertNotEquals(report.killedLeader(), report.newLeader());
            assertEquals(report.payments(), report.deliveredPayments(), "no payment lost");
            assertTrue(report.duplicates() <= 1, "at most the payment in flight at the kill: " + report.duplicates());

            // one memory: the same event, sent to each live instance, processed once
            assertEquals(settings.instances() - 1, report.webhookAnswers().size());
            assertTrue(report.webhookAnswers().stream().allMatch(status -> status == 200), report.webhookAnswers().toString());
            assertEquals(1, report.webhookProcessedBy().size(), report.webhookProcessedBy().toString());
        }
    }
}
