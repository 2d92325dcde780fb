package io.github.camelaerona.internal.account;

import io.github.camelaerona.internal.transport.HttpReply;

/**
 * A request Aerona answered, with what the budget did for it.
 *
 * @param reply              Aerona's answer
 * @param budgetRemaining    the slots still free once the request took its own, as the budget counted when it
 *                           granted it; -1 when the budget cannot tell (a rateLimiter bean that does not say)
 * @param budgetWaitedMillis how long the request waited for its slot
 */
public record SentCall(HttpReply reply, int budgetRemaining, long budgetWaitedMillis) {
}
