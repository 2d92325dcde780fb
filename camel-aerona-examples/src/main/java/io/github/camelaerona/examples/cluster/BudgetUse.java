package io.github.camelaerona.examples.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How much of a rate budget requests used, as the server saw them: their count in consecutive full windows of the
 * period, from one period after the first request (instances start at different moments) to one period before the
 * last (the run winds down), divided by the limit.
 *
 * @param windows how many windows were counted
 * @param mean    the mean share of the limit used per window
 * @param min     the lowest share in one window
 */
public record BudgetUse(int windows, double mean, double min) {

    public static BudgetUse of(List<Instant> sent, int limit, Duration period) {
        List<Instant> times = sent.stream().sorted().toList();
        if (times.isEmpty()) {
            return new BudgetUse(0, 0, 0);
        }
        Instant start = times.get(0).plus(period);
        Instant end = times.get(times.size() - 1).minus(period);
        int windows = 0;
        double sum = 0;
        double min = Double.MAX_VALUE;
        for (Instant from = start; !from.plus(period).isAfter(end); from = from.plus(period)) {
            Instant windowStart = from;
            Instant windowEnd = from.plus(period);
            long count = times.stream().filter(t -> !t.isBefore(windowStart) && t.isBefore(windowEnd)).count();
            double share = (double) count / limit;
            sum += share;
            min = Math.min(min, share);
            windows++;
        }
        return windows == 0 ? new BudgetUse(0, 0, 0) : new BudgetUse(windows, sum / windows, min);
    }

    @Override
    public String toString() {
        return String.format("%.1f%% of the limit on average over %d windows (lowest %.1f%%)", mean * 100, windows,
                min * 100);
    }
}
