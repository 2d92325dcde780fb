package io.github.camelaerona;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.internal.account.AccountLease;
import io.github.camelaerona.internal.account.AeronaAccount;
import io.github.camelaerona.internal.account.CallTag;
import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaLoginException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one Aerona account: can it log in? A held token that is good for a while yet answers UP without a
 * request; otherwise the check logs in (through the lease of a running producer and its budget), at most once a
 * minute, and repeats the last answer in between. It holds the leases of the producers that registered it and no
 * other, so it never keeps an account open that no running producer uses.
 */
class AeronaAccountHealthCheck extends AbstractHealthCheck {

    /** The least time between two logins made by the check. */
    static final Duration MIN_LOGIN_INTERVAL = Duration.ofMinutes(1);

    /** The check's logins are batch work for the budget. */
    private static final CallTag READINESS = new CallTag("login", "readiness-check", AeronaPriority.BACKGROUND);

    /** The leases of the running producers of this account, one entry per registration. */
    private final List<AccountLease> leases = new ArrayList<>();
    private final AeronaAccount account;
    private long lastAttempt;
    private String lastFailure;
    private boolean attempted;

    AeronaAccountHealthCheck(AeronaAccount account) {
        super("camel", idOf(account));
        this.account = account;
    }

    static String idOf(AeronaAccount account) {
        return "aerona-" + account.key().toString().replace(' ', '-');
    }

    synchronized void addLease(AccountLease lease) {
        leases.add(lease);
    }

    /** Drops one registration of the lease; answers whether any is left. */
    synchronized boolean removeLease(AccountLease lease) {
        leases.remove(lease);
        return !leases.isEmpty();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("account", account.key());
        builder.detail("logins", account.logins());
        account.budgetReport().asMap().forEach(builder::detail);
        if (account.hasValidToken()) {
            builder.up();
            return;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (!attempted || now - lastAttempt >= MIN_LOGIN_INTERVAL.toNanos()) {
                attempted = true;
                lastAttempt = now;
                lastFailure = login();
            }
            if (lastFailure == null) {
                builder.up();
            } else {
                // the message, and a detail for runtimes that show only a check's details (Spring Boot's actuator)
                builder.message(lastFailure).detail("reason", lastFailure);
                java.time.Duration backoff = account.loginBackoffRemaining();
                if (!backoff.isZero()) {
                    builder.detail("loginBackoff", "no new login for " + backoff.toSeconds() + " s");
                }
                builder.down();
            }
        }
    }

    /** Logs in; answers null when it worked, else what went wrong (never a secret). */
    private String login() {
        if (leases.isEmpty()) {
            return "No running producer uses the Aerona account " + account.key();
        }
        AccountLease lease = leases.get(0);
        try {
            lease.login(READINESS).get(lease.maxWait().toMillis() + 60_000, TimeUnit.MILLISECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AeronaLoginException refused) {
                // says what failed by status (credentials, URL, limit, Aerona itself); free of secrets
                return refused.getMessage();
            }
            return "Cannot log in to Aerona as " + account.key() + ": " + cause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while logging in to Aerona";
        } catch (java.util.concurrent.TimeoutException e) {
            return "No answer from Aerona to the login of " + account.key();
        }
    }
}
