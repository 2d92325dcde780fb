package io.github.camelaerona.internal.account;


import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import io.github.camelaerona.api.AeronaException;
import io.github.camelaerona.api.AeronaRateLimiter;
import io.github.camelaerona.internal.transport.CallLimits;
import io.github.camelaerona.internal.transport.HttpCall;
import io.github.camelaerona.internal.transport.HttpReply;

/**
 * An endpoint's use of an account, from its start to its stop: calls go through it, and closing it gives the
 * account back (the last lease to close stops the account's connections and timer). Each lease has its own
 * {@link Terms}: patience for the budget, for replies, and the executor on which calls that had to wait continue.
 */
public final class AccountLease implements AutoCloseable {

    private final AeronaAccount account;
    private final Terms terms;
    /** Calls of this lease waiting for the budget: the limiter's future and the one the call waits on. */
    private final Map<CompletableFuture<AeronaRateLimiter.Permit>, CompletableFuture<AeronaRateLimiter.Permit>> waiting =
            new ConcurrentHashMap<>();
    private boolean closed;

    /**
     * How the calls of one lease behave, whatever the account's other leases do.
     *
     * @param resumeOn where calls that waited (for the budget or a login) continue
     * @param maxWait  how long a call waits for the budget ({@code rateLimitMaxWait})
     * @param limits   how long a request may take and how large its reply may be
     * @param endpoint   how messages name the lease's endpoint (its URI without secrets)
     */
    public record Terms(Executor resumeOn, Duration maxWait, CallLimits limits, String endpoint) {
    }

    AccountLease(AeronaAccount account, Terms terms) {
        this.account = account;
        this.terms = terms;
        account.opened(this);
    }

    /**
     * Sends the call with the account's token, logging in first when needed; completes with Aerona's reply (a 401
     * already answered by one fresh login and one retry), or fails with an IOException, an
     * {@code AeronaAuthenticationException} or an {@code AeronaRateLimitException}.
     */
    public CompletableFuture<SentCall> send(HttpCall call, CallTag tag) {
        return account.send(call, this, tag);
    }

    /**
     * Sends a read, or shares the request of an identical read in flight on the account (see {@link SharedReads}):
     * the reply is then the same, with {@link SentCall.Origin#SHARED}.
     */
    public CompletableFuture<SentCall> sendOrShare(HttpCall read, CallTag tag) {
        return account.reads().send(read, tag, terms.resumeOn(), () -> send(read, tag));
    }

    /** The account's kept reply to this read if younger than {@code ttl} (counted as a request saved), else null. */
    public SentCall kept(HttpCall read, Duration ttl, CallTag tag) {
        return account.reads().kept(read, ttl, tag, account.availablePermits());
    }

    /** Keeps a good reply of reference data for the account's reads of the same call. */
    public void keep(HttpCall read, SentCall sent) {
        account.reads().keep(read, sent);
    }

    /** A poll was skipped because the budget was busy: counted in the account's accounting. */
    public void pollSkipped(CallTag tag) {
        account.accounting().pollSkipped(tag);
    }

    /** Makes sure the account holds a token, logging in if needed (for readiness checks). */
    public CompletableFuture<Void> login(CallTag tag) {
        return account.login(this, tag);
    }

    /** The account, to read its state (name, budget, logins). */
    public AeronaAccount account() {
        return account;
    }

    public Duration maxWait() {
        return terms.maxWait();
    }

    Terms terms() {
        return terms;
    }

    /**
     * A permit as this lease's call waits for it: the same as the limiter's, except that {@link #failWaiting} can
     * end the wait. A permit the limiter grants after that is given back at once.
     */
    CompletableFuture<AeronaRateLimiter.Permit> waitFor(CompletableFuture<AeronaRateLimiter.Permit> granted) {
        if (granted.isDone()) {
            return granted;
        }
        CompletableFuture<AeronaRateLimiter.Permit> mine = new CompletableFuture<>();
        waiting.put(granted, mine);
        granted.whenComplete((permit, failure) -> {
            waiting.remove(granted);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else if (!mine.complete(permit)) {
                permit.release();
            }
        });
        return mine;
    }

    /** Ends every wait of this lease's calls for the budget: they fail at once, their requests unsent. */
    public void failWaiting(String why) {
        for (var entry : Map.copyOf(waiting).entrySet()) {
            AeronaException failure = new AeronaException("A call to Aerona for " + account.key() + " waited for the rate"
                    + " budget when " + why + "; the request was not sent");
            entry.getKey().completeExceptionally(failure);
            entry.getValue().completeExceptionally(failure);
        }
    }

    /** Calls of this lease waiting for the budget now. */
    public int waitingCalls() {
        return waiting.size();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        failWaiting("its endpoint stopped");
        account.closed(this);
        AeronaAccounts.release(account);
    }

    @Override
    public String toString() {
        return "AccountLease[" + account.key() + "]";
    }
}
