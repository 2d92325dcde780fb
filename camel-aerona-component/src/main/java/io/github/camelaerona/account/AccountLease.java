package io.github.camelaerona.account;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.camelaerona.transport.HttpCall;
import io.github.camelaerona.transport.HttpReply;

/**
 * An endpoint's use of an account, from its start to its stop: calls go through it, and closing it gives the
 * account back (the last lease to close stops the account's connections and timer). Each lease has its own
 * {@link Terms}: patience for the budget, for replies, and the executor on which calls that had to wait continue.
 */
public final class AccountLease implements AutoCloseable {

    private final AeronaAccount account;
    private final Terms terms;
    private boolean closed;

    /**
     * How the calls of one lease behave, whatever the account's other leases do.
     *
     * @param resumeOn        where calls that waited (for the budget or a login) continue
     * @param maxWait         how long a call waits for the budget ({@code rateLimitMaxWait})
     * @param responseTimeout how long a call waits for each read of the reply ({@code socketTimeout})
     */
    public record Terms(Executor resumeOn, Duration maxWait, Duration responseTimeout) {
    }

    AccountLease(AeronaAccount account, Terms terms) {
        this.account = account;
        this.terms = terms;
    }

    /**
     * Sends the call with the account's token, logging in first when needed; completes with Aerona's reply (a 401
     * already answered by one fresh login and one retry), or fails with an IOException, an
     * {@code AeronaAuthenticationException} or an {@code AeronaRateLimitException}.
     */
    public CompletableFuture<HttpReply> send(HttpCall call) {
        return account.send(call, terms);
    }

    /** Makes sure the account holds a token, logging in if needed (for readiness checks). */
    public CompletableFuture<Void> login() {
        return account.login(terms);
    }

    /** The account, to read its state (name, budget, logins). */
    public AeronaAccount account() {
        return account;
    }

    public Duration maxWait() {
        return terms.maxWait();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        AeronaAccounts.release(account);
    }

    @Override
    public String toString() {
        return "AccountLease[" + account.key() + "]";
    }
}
