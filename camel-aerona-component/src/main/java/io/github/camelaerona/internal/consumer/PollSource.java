package io.github.camelaerona.internal.consumer;

import io.github.camelaerona.internal.operation.OperationClient;

/**
 * One account a polling consumer polls: its name (the option {@code account}; null for the endpoint's own
 * username and password) and the way its requests go. Each has its own cursor and its own idempotent keys.
 */
public record PollSource(String account, OperationClient client) {

    /** What the account's records' idempotent keys start with: nothing for the endpoint's own account. */
    String keyPrefix() {
        return account == null ? "" : account + "/";
    }
}
