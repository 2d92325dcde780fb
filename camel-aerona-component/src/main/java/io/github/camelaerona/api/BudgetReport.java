package io.github.camelaerona.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An account's budget over its current window (the last {@code rateLimitPeriod}).
 *
 * @param window      the window's length
 * @param requests    requests sent, logins and retries included
 * @param byOperation requests by operation ({@code login} for logins)
 * @param byRoute     requests by the route (or endpoint) that sent them
 * @param logins      logins sent
 * @param retries     requests repeated after a 401
 * @param waited      calls that waited for a slot
 * @param longestWait the longest such wait
 * @param meanWait    their mean wait
 * @param gaveUp      calls that waited {@code rateLimitMaxWait} and were not sent
 * @param waitingNow  calls waiting for a slot now
 */
public record BudgetReport(Duration window, int requests, Map<String, Integer> byOperation,
        Map<String, Integer> byRoute, int logins, int retries, int waited, Duration longestWait, Duration meanWait,
        int gaveUp, int waitingNow) {

    /** One line for logs and the console. */
    public String summary() {
        return requests + " requests in the last " + window + " (by operation " + byOperation + ", by route " + byRoute
                + ", logins " + logins + ", retries " + retries + "); " + waited + " waited (longest "
                + longestWait.toMillis() + " ms, mean " + meanWait.toMillis() + " ms), " + gaveUp
                + " gave up at rateLimitMaxWait, " + waitingNow + " waiting now";
    }

    /** The figures as name/value pairs (health check details, JSON). */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("windowMillis", window.toMillis());
        map.put("requestsInWindow", requests);
        map.put("requestsByOperation", byOperation);
        map.put("requestsByRoute", byRoute);
        map.put("loginsInWindow", logins);
        map.put("retriesInWindow", retries);
        map.put("callsWaitedInWindow", waited);
        map.put("longestWaitMillis", longestWait.toMillis());
        map.put("meanWaitMillis", meanWait.toMillis());
        map.put("gaveUpAtMaxWaitInWindow", gaveUp);
        map.put("waitingNow", waitingNow);
        return map;
    }
}
