package io.github.camelaerona.internal.account;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaRateLimiter;

/** A budget the account owns (built from its options, not a user's bean): it can be tightened, watched and closed. */
public interface AccountRateLimiter extends AeronaRateLimiter {

    /** The account's own budgets grant by priority; a call that names none is normal. */
    @Override
    default CompletableFuture<Permit> acquire(Duration maxWait) {
        return acquire(maxWait, AeronaPriority.NORMAL);
    }

    @Override
    CompletableFuture<Permit> acquire(Duration maxWait, AeronaPriority priority);

    int limit();

    Duration period();

    /** Tightens the budget to the stricter of the current and the given limit and period. */
    void restrictTo(int otherLimit, Duration otherPeriod);

    /** Callers waiting for a slot. */
    int waiting();

    /** Calls of this priority waiting for a slot now. */
    int waiting(AeronaPriority priority);

    /**
     * Whether a call of this priority asking now would wait: callers of its priority or a higher one wait already,
     * or no slot it may take is free (a background call leaves the interactive reserve).
     */
    boolean wouldWait(AeronaPriority priority);

    /** How long until a slot frees up: zero when one is free now, null when not known. */
    Duration timeToNextSlot();

    /**
     * How long this JVM still has a stake in the window: until its slots are free (and, for the shared budget,
     * checked once more against the database's clock, so that the next instance finds the clock steady).
     */
    Duration drainsIn();

    /** Fails every caller still waiting: the account is closing and no slot will come. */
    void close();
}
