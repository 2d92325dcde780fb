package io.github.camelaerona.internal.operation;

/** Told of every call an {@link OperationClient} finished, for metrics. */
public interface CallObserver {

    CallObserver NONE = (operation, outcome, waitedMillis) -> { };

    /**
     * @param operation    the operation's name
     * @param outcome      {@code success} (2xx), {@code client_error} (4xx), {@code server_error} (5xx and other
     *                     statuses), {@code gave_up} (no slot within rateLimitMaxWait) or {@code failure} (no reply)
     * @param waitedMillis how long the call waited for its slot; -1 when it got none
     */
    void finished(String operation, String outcome, long waitedMillis);
}
