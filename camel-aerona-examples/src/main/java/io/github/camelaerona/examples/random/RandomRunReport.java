package io.github.camelaerona.examples.random;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelaerona.examples.random.RandomRun.Fault;
import io.github.camelaerona.examples.random.RandomRun.FaultKind;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.SandboxStats;

/**
 * The checker of a random run: what the sandbox saw (every request, by arrival), what the finance ledger holds, and
 * the faults, read against the invariants. Windows are the sandbox's: a window starts at each request's arrival and
 * lasts one period.
 *
 * @param recoveries for each fault, how long after its end the budget's use was back above 90% of the limit in the
 *                   trailing period (null: it never was before the run ended)
 */
public record RandomRunReport(RandomRun.Settings settings, List<Fault> faults, Map<FaultKind, Integer> faultsByKind,
        SandboxStats stats, int windowsChecked, int densestWindow, Instant densestAt, int payments,
        int paymentsDelivered, int paymentsLost, int paymentDuplicates, Duration deliveryP50, Duration deliveryMax,
        int events, int eventsAcknowledged, int eventsProcessed, int eventsLost, int eventDuplicates,
        List<Duration> recoveries, Duration faultsLasted, List<String> breaches, String logs) {

    /** Reads the run's records against its invariants. */
    static RandomRunReport of(RandomRun.Settings settings, List<Fault> faults, List<RecordedRequest> requests,
            SandboxStats stats, Map<Long, Instant> paymentsAdded, Map<Long, List<Instant>> delivered,
            Set<Long> eventsSent, Map<Long, Integer> acknowledged, Map<Long, Integer> processed, Instant started,
            Instant faultsEnded) {
        Map<FaultKind, Integer> byKind = new EnumMap<>(FaultKind.class);
        faults.forEach(f -> byKind.merge(f.kind(), 1, Integer::sum));
        List<Instant> arrivals = requests.stream().filter(r -> r.status() != -1).map(RecordedRequest::at).sorted().toList();
        Duration period = settings.period();
        int densest = 0;
        Instant densestAt = null;
        List<String> breaches = new ArrayList<>();
        Instant lastBreach = null;
        for (int i = 0, j = 0; i < arrivals.size(); i++) {
            Instant windowEnd = arrivals.get(i).plus(period);
            while (j < arrivals.size() && arrivals.get(j).isBefore(windowEnd)) {
                j++;
            }
            if (j - i > densest) {
                densest = j - i;
                densestAt = arrivals.get(i);
            }
            if (j - i > settings.limit() && (lastBreach == null || arrivals.get(i).isAfter(lastBreach.plus(period)))) {
                lastBreach = arrivals.get(i);
                breaches.add(breach(arrivals.get(i), j - i, faults, period));
            }
        }

        for (Map.Entry<Long, Instant> added : paymentsAdded.entrySet()) {
            if (!delivered.containsKey(added.getKey())) {
                breaches.add("payment " + added.getKey() + " (added " + added.getValue() + ") never delivered");
            }
        }
        for (Long event : eventsSent) {
            if (!processed.containsKey(event)) {
                breaches.add("event " + event + " never processed (acknowledged " + acknowledged.getOrDefault(event, 0)
                        + " times)");
            }
        }
        int deliveredOfAdded = 0;
        int duplicates = 0;
        List<Duration> latencies = new ArrayList<>();
        for (Map.Entry<Long, Instant> added : paymentsAdded.entrySet()) {
            List<Instant> times = delivered.get(added.getKey());
            if (times != null) {
                deliveredOfAdded++;
                duplicates += times.size() - 1;
                Instant first = times.stream().min(Instant::compareTo).orElseThrow();
                latencies.add(Duration.between(added.getValue(), first));
            }
        }
        latencies.sort(Duration::compareTo);
        int processedDistinct = (int) eventsSent.stream().filter(processed::containsKey).count();
        int eventDuplicates = eventsSent.stream().mapToInt(e -> Math.max(0, processed.getOrDefault(e, 0) - 1)).sum();
        int acknowledgedDistinct = (int) eventsSent.stream().filter(acknowledged::containsKey).count();
        int eventsLost = (int) eventsSent.stream().filter(e -> acknowledged.containsKey(e) && !processed.containsKey(e))
                .count() + (eventsSent.size() - acknowledgedDistinct);

        List<Duration> recoveries = new ArrayList<>();
        int wanted = (int) Math.ceil(settings.limit() * 0.9);
        for (Fault fault : faults) {
            recoveries.add(recovery(arrivals, fault.end(), period, wanted));
        }
        return new RandomRunReport(settings, List.copyOf(faults), byKind, stats, arrivals.size(), densest, densestAt,
                paymentsAdded.size(), deliveredOfAdded, paymentsAdded.size() - deliveredOfAdded, duplicates,
                percentile(latencies, 0.5), percentile(latencies, 1.0), eventsSent.size(), acknowledgedDistinct,
                processedDistinct, eventsLost, eventDuplicates, recoveries, Duration.between(started, faultsEnded),
                List.copyOf(breaches), "");
    }

    /** A window over the limit and the faults that began in the period before it ended. */
    private static String breach(Instant start, int count, List<Fault> faults, Duration period) {
        StringBuilder text = new StringBuilder(count + " requests in the window from " + start + "; faults just before:");
        for (Fault f : faults) {
            if (!f.start().isAfter(start.plus(period)) && !f.end().isBefore(start.minus(period.multipliedBy(3)))) {
                text.append(" [").append(f.kind()).append(' ').append(f.start()).append(" .. ").append(f.end())
                        .append(": ").append(f.detail()).append(']');
            }
        }
        return text.toString();
    }

    /** The first moment at or after {@code from} when the trailing period holds {@code wanted} requests. */
    private static Duration recovery(List<Instant> arrivals, Instant from, Duration period, int wanted) {
        for (int j = 0, i = 0; j < arrivals.size(); j++) {
            Instant t = arrivals.get(j);
            while (!arrivals.get(i).isAfter(t.minus(period))) {
                i++;
            }
            if (!t.isBefore(from) && j - i + 1 >= wanted) {
                return Duration.between(from, t);
            }
        }
        return null;
    }

    private static Duration percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    RandomRunReport withLogs(String logs) {
        return new RandomRunReport(settings, faults, faultsByKind, stats, windowsChecked, densestWindow, densestAt,
                payments, paymentsDelivered, paymentsLost, paymentDuplicates, deliveryP50, deliveryMax, events,
                eventsAcknowledged, eventsProcessed, eventsLost, eventDuplicates, recoveries, faultsLasted, breaches, logs);
    }

    /** Faults after which the budget's use was back above 90% within the given time (of those followed by it). */
    public long recoveredWithin(Duration bound) {
        return recoveries.stream().filter(r -> r != null && r.compareTo(bound) <= 0).count();
    }

    /** The longest recovery; null if some fault was never followed by a full-enough period. */
    public Duration longestRecovery() {
        return recoveries.stream().anyMatch(r -> r == null) ? null
                : recoveries.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** The invariants: never over the limit, no token invalidated, nothing lost. */
    public boolean passed() {
        return stats.maxInWindow() <= settings.limit() && stats.overLimit() == 0 && stats.invalidatedTokens() == 0
                && densestWindow <= settings.limit() && paymentsLost == 0 && eventsLost == 0;
    }

    public String faultLog() {
        StringBuilder text = new StringBuilder();
        breaches.forEach(b -> text.append("BROKEN: ").append(b).append('\n'));
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            Duration r = recoveries.get(i);
            text.append(String.format("%4d %-16s %s .. %s  back above 90%% after %s  %s%n", i + 1, f.kind(), f.start(),
                    f.end(), r == null ? "never" : r.toMillis() + " ms", f.detail()));
        }
        return text.toString();
    }

    /** The summary the docs quote: faults by kind, windows, the densest one, deliveries, recoveries. */
    public String summary(String command) {
        Duration period = settings.period();
        StringBuilder text = new StringBuilder();
        text.append("# Random run, seed ").append(settings.seed()).append("\n\n");
        text.append("Command: `").append(command).append("`\n\n");
        text.append("| | |\n|---|---|\n");
        row(text, "verdict", passed() ? "passed" : "FAILED");
        row(text, "faults", faults.size() + " in " + minutes(faultsLasted) + " (" + faultsByKind + ")");
        row(text, "instances, limit", settings.instances() + " JVMs, " + settings.limit() + " requests per " + period);
        row(text, "requests seen by the sandbox", stats.requests() + " (" + stats.logins() + " logins)");
        row(text, "windows checked", windowsChecked + " (one from each request's arrival)");
        row(text, "densest window", densestWindow + " of " + settings.limit() + " (sandbox: " + stats.maxInWindow()
                + ")" + (densestAt == null ? "" : " at " + densestAt));
        row(text, "over the limit, tokens invalidated", stats.overLimit() + ", " + stats.invalidatedTokens());
        row(text, "payments added during the run", payments + ": " + paymentsDelivered + " delivered, " + paymentsLost
                + " lost, " + paymentDuplicates + " duplicated");
        row(text, "payment delivery after arrival", "p50 " + deliveryP50.toMillis() + " ms, max "
                + deliveryMax.toMillis() + " ms");
        row(text, "webhook events", events + ": " + eventsAcknowledged + " acknowledged, " + eventsProcessed
                + " processed, " + eventsLost + " lost, " + eventDuplicates + " processed twice");
        row(text, "budget above 90% after a fault", "within 1 period: " + recoveredWithin(period) + ", 2 periods: "
                + recoveredWithin(period.multipliedBy(2)) + ", 3 periods: " + recoveredWithin(period.multipliedBy(3))
                + " of " + faults.size() + "; longest " + (longestRecovery() == null ? "never (a fault near the end)"
                        : longestRecovery().toMillis() + " ms"));
        return text.append('\n').toString();
    }

    private static void row(StringBuilder text, String name, Object value) {
        text.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String minutes(Duration d) {
        return String.format("%.1f min", d.toMillis() / 60_000.0);
    }

    @Override
    public String toString() {
        return summary("(in a test)") + faultLog();
    }
}
