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
 * @param shared      reads that shared the request of an identical read in flight ({@code coalesceReads}): requests
 *                    saved
 * @param fromCache   reads answered by a kept reply of reference data ({@code referenceDataTtl}): requests saved
 * @param pollsSkipped polls skipped because they would have waited for the budget (the next poll catches up)
 */
public record BudgetReport(Duration window, int requests, Map<String, Integer> byOperation,
        Map<String, Integer> byRoute, int logins, int retries, int waited, Duration longestWait, Duration meanWait,
        int gaveUp, int waitingNow, int shared, int fromCache, int pollsSkipped) {

    /** Requests the window did without: reads that shared one in flight, and reads answered from the cache. */
    public int saved() {
        return shared + fromCache;
    }

    /** One line for logs and the console. */
    public String summary() {
        return requests + " requests in the last " + window + " (by operation " + byOperation + ", by route " + byRoute
                + ", logins " + logins + ", retries " + retries + "); " + waited + " waited (longest "
                + longestWait.toMillis() + " ms, mean " + meanWait.toMillis() + " ms), " + gaveUp
                + " gave up at rateLimitMaxWait, " + waitingNow + " waiting now; saved " + saved() + " (shared " + shared
                + ", from cache " + fromCache + "), " + pollsSkipped + " polls skipped";
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
        map.put("sharedInWindow", shared);
        map.put("fromCacheInWindow", fromCache);
        map.put("pollsSkippedInWindow", pollsSkipped);
        return map;
    }
}
