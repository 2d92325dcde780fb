package io.github.camelaerona.internal.account;

import io.github.camelaerona.internal.transport.HttpReply;

/**
 * A request Aerona answered, with what the budget did for it.
 *
 * @param reply              Aerona's answer
 * @param budgetRemaining    the slots still free once the request took its own, as the budget counted when it
 *                           granted it; -1 when the budget cannot tell (a rateLimiter bean that does not say)
 * @param budgetWaitedMillis how long the request waited for its slot
 * @param origin             whether this call sent the request, shared another's, or got a kept reply
 * @param ageMillis          how old a kept reply is; 0 otherwise
 */
public record SentCall(HttpReply reply, int budgetRemaining, long budgetWaitedMillis, Origin origin, long ageMillis) {

    /** Where a call's reply came from. */
    public enum Origin {
        /** The call sent its own request. */
        SENT,
        /** An identical read was in flight on the account; the call shared its request and reply. */
        SHARED,
        /** A reply the account kept (reference data within its time to live); nothing was sent. */
        KEPT
    }

    public SentCall(HttpReply reply, int budgetRemaining, long budgetWaitedMillis) {
        this(reply, budgetRemaining, budgetWaitedMillis, Origin.SENT, 0);
    }

    SentCall as(Origin other, long age) {
        return new SentCall(reply, budgetRemaining, budgetWaitedMillis, other, age);
    }
}
