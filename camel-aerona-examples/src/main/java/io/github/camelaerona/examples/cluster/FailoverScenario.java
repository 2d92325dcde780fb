package io.github.camelaerona.examples.cluster;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.SandboxStats;

/**
 * What several instances promise together, run for real: while every instance presses on the shared budget, the
 * poller's leader is killed (kill -9) in the middle of delivering payments; another instance takes over and
 * delivers the rest, a payment that arrived meanwhile included. Then one webhook event is sent to every live
 * instance in turn, as a load balancer sends Aerona's retries, and must be processed once.
 */
public final class FailoverScenario {

    private static final long WEBHOOK_EVENT = 987_654L;

    /**
     * @param payments          payments the sandbox holds (all must be delivered)
     * @param deliveredRows     rows in the finance ledger, duplicates included
     * @param deliveredPayments distinct payments delivered
     * @param rowsAtKill        rows delivered when the leader was killed
     * @param killedLeader      the instance killed
     * @param newLeader         the instance that delivered the rest
     * @param webhookAnswers    what each live instance answered to the same event
     * @param webhookProcessedBy which instances processed it (once is right)
     * @param stats             what the sandbox counted for the account
     * @param budgetUse         how much of the budget the instances used together
     */
    public record Report(int payments, int deliveredRows, int deliveredPayments, int rowsAtKill, String killedLeader,
            String newLeader, List<Integer> webhookAnswers, List<String> webhookProcessedBy, SandboxStats stats,
            BudgetUse budgetUse) {

        public int duplicates() {
            return deliveredRows - deliveredPayments;
        }

        @Override
        public String toString() {
            return "payments held by the sandbox:      " + payments + "\n"
                    + "leader killed (kill -9):           " + killedLeader + " after " + rowsAtKill + " deliveries\n"
                    + "new leader:                        " + newLeader + "\n"
                    + "payments delivered:                " + deliveredPayments + " (" + deliveredRows + " rows, "
                    + duplicates() + " duplicate)\n"
                    + "one webhook to each live instance: answers " + webhookAnswers + ", processed by "
                    + webhookProcessedBy + "\n"
                    + "requests the sandbox counted:      " + stats.requests() + " (logins " + stats.logins() + ")\n"
                    + "most in one rate window:           " + stats.maxInWindow() + "\n"
                    + "over the limit / invalidated:      " + stats.overLimit() + " / " + stats.invalidatedTokens() + "\n"
                    + "budget use:                        " + budgetUse;
        }
    }

    private FailoverScenario() {
    }

    public static Report run(ClusterRun cluster) throws Exception {
        AeronaSandbox sandbox = cluster.sandbox();
        Set<Long> expected = new HashSet<>();
        sandbox.data().payments().forEach(p -> expected.add(((Number) p.get("id")).longValue()));
        long patientId = ((Number) sandbox.data().payments().get(0).get("patientId")).longValue();

        waitFor(Duration.ofMinutes(3), () -> cluster.deliveredRows() >= expected.size() / 3, "a third delivered");
        String leader = cluster.lastDeliverer();
        cluster.instance(leader).kill();
        int rowsAtKill = cluster.deliveredRows();

        Map<String, Object> arrived = sandbox.data().addPayment(patientId, new BigDecimal("42.00"), null);
        expected.add(((Number) arrived.get("id")).longValue());
        waitFor(Duration.ofMinutes(3), () -> cluster.deliveredPayments().containsAll(expected), "every payment delivered");
        String newLeader = cluster.lastDeliverer();

        List<Integer> answers = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        String event = "{\"id\":" + WEBHOOK_EVENT + ",\"patientId\":" + patientId + ",\"appointmentStatusId\":2}";
        for (InstanceProcess instance : cluster.instances()) {
            if (instance.isAlive()) {
                HttpRequest post = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + instance.httpPort() + "/aerona/appointment"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build();
                answers.add(http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode());
            }
        }

        // enough rate windows under pressure, the kill's among them, for the budget use to mean something
        int requestsWanted = cluster.settings().limit() * 8;
        waitFor(Duration.ofMinutes(3), () -> sandbox.stats().requests() >= requestsWanted, requestsWanted + " requests");

        List<java.time.Instant> sent = sandbox.requests().stream().map(RecordedRequest::at).toList();
        return new Report(expected.size(), cluster.deliveredRows(), cluster.deliveredPayments().size(), rowsAtKill,
                leader, newLeader, answers, cluster.processedWebhook(WEBHOOK_EVENT), sandbox.stats(),
                BudgetUse.of(sent, cluster.settings().limit(), cluster.settings().period()));
    }

    static void waitFor(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for: " + what);
            }
            InstanceProcess.pause();
        }
    }
}
