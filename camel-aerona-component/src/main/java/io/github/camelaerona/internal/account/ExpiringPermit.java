package io.github.camelaerona.internal.account;

import io.github.camelaerona.api.AeronaRateLimiter.Permit;

/**
 * A slot that may be used for a request only for a while after its grant (the shared budget's: its row frees by
 * itself some time after the grant, see {@link JdbcRateLimiter#sendWindow}). The account asks right before it sends.
 */
interface ExpiringPermit extends Permit {

    /** Whether a request may still be sent on this slot now. */
    boolean usable();

    /** The request was not sent: the slot is left to free by itself. Instead of {@link #release()}. */
    void unused();
}
