package io.github.camelaerona.internal.account;

import io.github.camelaerona.api.AeronaPriority;

/**
 * Who a call is for, as the budget sees it: the operation, the route (or endpoint) that sent it, and its priority.
 * The account grants slots by the priority and counts its window's requests by operation and by route.
 */
public record CallTag(String operation, String route, AeronaPriority priority) {

    public CallTag {
        priority = priority == null ? AeronaPriority.NORMAL : priority;
    }
}
