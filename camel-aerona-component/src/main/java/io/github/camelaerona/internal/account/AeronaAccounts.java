package io.github.camelaerona.internal.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts of the JVM, one per {@link AccountKey}. Aerona counts its limit per user and a second login would
 * spend budget, so every endpoint, route and CamelContext of an account shares one account: one token, one budget,
 * one connection pool.
 * <p>
 * <b>When leases disagree.</b> An account has one set of settings. A later lease with a different budget makes it
 * stricter (the lower limit, the longer period, with a warning), as the contract asks; any other difference
 * (password, timeouts, pool size, TLS, proxy, configurer, renew margin, clock) fails that lease, naming the options
 * and both endpoints, so a second endpoint can never silently run with the first one's settings. Each lease keeps
 * its own {@code rateLimitMaxWait} and {@code socketTimeout} ({@link AccountLease.Terms}).
 * <p>
 * <b>After the last lease.</b> An account whose last lease closed stays until its in-JVM window has drained, so that
 * an endpoint that starts again within the window finds it used (and the token still held). Opened again with other
 * settings meanwhile, it is replaced by an account with those settings that carries the window over.
 */
public final class AeronaAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(AeronaAccounts.class);
    private static final Map<AccountKey, AeronaAccount> ACCOUNTS = new HashMap<>();
    /** The journal file of each account that has one: two accounts in one file would overwrite each other. */
    private static final Map<java.nio.file.Path, AccountKey> JOURNALS = new HashMap<>();

    private AeronaAccounts() {
    }

    /**
     * Takes a lease on the account, opening it if no lease holds it yet.
     *
     * @param terms how the lease's own calls wait (for the budget, for replies) and where they continue
     * @throws IllegalArgumentException when the account is open with other settings than these (other than the
     *                                  budget's limit and period, of which the strictest applies), naming the
     *                                  options and both endpoints
     */
    public static AccountLease lease(AccountKey key, AccountSettings settings, AccountLease.Terms terms) {
        AeronaAccount replaced = null;
        AeronaAccount account;
        synchronized (AeronaAccounts.class) {
            account = ACCOUNTS.get(key);
            if (account != null && account.leases == 0 && (!account.settings().differencesFrom(settings).isEmpty()
                    || !account.settings().budget().equals(settings.budget()))) {
                // idle, draining its window, and now wanted with other settings (a corrected password, say): a new
                // account with those settings, which keeps counting the old one's slots
                replaced = account;
                account = open(key, settings);
                account.carryOver(replaced);
                LOG.info("Aerona account {} opens again with other settings; its window carries over", key);
            } else if (account == null) {
                account = open(key, settings);
            } else {
                List<String> differ = account.settings().differencesFrom(settings);
                if (!differ.isEmpty()) {
                    throw new IllegalArgumentException("aerona: " + terms.endpoint() + " sets other " + String.join(", ",
                            differ) + " for the account " + key + " than " + account.anEndpoint() + ", which uses it"
                            + " already; an account has one set of settings wherever it is used (set them once, on the"
                            + " component, or give each endpoint the same values)");
                }
                account.joinBudget(settings.budget());
            }
            account.leases++;
        }
        if (replaced != null) {
            replaced.close(); // it has no lease, so no caller waits on it
        }
        return new AccountLease(account, terms);
    }

    private static AeronaAccount open(AccountKey key, AccountSettings settings) {
        java.nio.file.Path journal = settings.budget().journal();
        if (journal != null) {
            AccountKey owner = JOURNALS.putIfAbsent(journal.toAbsolutePath().normalize(), key);
            if (owner != null && !owner.equals(key)) {
                throw new IllegalArgumentException("aerona: option budgetJournal is " + journal + "; allowed: a file of"
                        + " this account's own (it is the journal of " + owner + ")");
            }
        }
        if (!ACCOUNTS.containsKey(key)) {
            warnOfASecondBaseUrl(key);
        }
        AeronaAccount account = new AeronaAccount(key, settings);
        ACCOUNTS.put(key, account);
        return account;
    }

    /**
     * One username under two base URLs is most likely one account spelt two ways that canonical spelling cannot
     * join (an IP address and a host name, a proxy): two budgets of which Aerona counts the sum. Warned when such an
     * account opens while the JVM holds another of the same user (leased, or within a period of its last request);
     * nothing is kept for it, so a username seen once costs no memory after its account went.
     */
    private static void warnOfASecondBaseUrl(AccountKey key) {
        for (AccountKey held : ACCOUNTS.keySet()) {
            if (held.username().equals(key.username()) && !held.baseUrl().equals(key.baseUrl())) {
                LOG.warn("Aerona user {} is used under two base URLs, {} and {}: each gets its own token and budget. If"
                        + " both reach the same Aerona, write the base URL the same way everywhere, or Aerona counts both"
                        + " budgets against one limit", key.username(), held.baseUrl(), key.baseUrl());
                return;
            }
        }
    }

    static void release(AeronaAccount account) {
        synchronized (AeronaAccounts.class) {
            account.leases--;
        }
        closeWhenDrained(account);
    }

    /**
     * Closes an account without leases once its window has drained. Until then it stays, counting its slots, so an
     * endpoint that starts again (a route added back, a CamelContext or Karaf bundle restarted) finds the window
     * used, and the token, instead of a fresh budget and a login. The closing itself (a shared budget's last
     * database work, up to 5 s) happens outside the registry's lock: one account closing holds up no other.
     */
    private static void closeWhenDrained(AeronaAccount account) {
        java.time.Duration left;
        synchronized (AeronaAccounts.class) {
            if (account.leases > 0 || ACCOUNTS.get(account.key()) != account) {
                return;
            }
            left = account.drainsIn();
            if (left.isZero() || left.isNegative()) {
                ACCOUNTS.remove(account.key());
                forgetJournal(account);
            }
        }
        if (left.isZero() || left.isNegative()) {
            account.close();
        } else {
            account.later(() -> closeWhenDrained(account), left);
        }
    }

    private static void forgetJournal(AeronaAccount account) {
        java.nio.file.Path journal = account.settings().budget().journal();
        if (journal != null) {
            JOURNALS.remove(journal.toAbsolutePath().normalize(), account.key());
        }
    }

    /** Whether the JVM holds the account now (leased, or draining its window). */
    public static synchronized boolean holds(AccountKey key) {
        return ACCOUNTS.containsKey(key);
    }

    /** Accounts open now, draining ones included; for tests and monitoring. */
    public static synchronized int openAccounts() {
        return ACCOUNTS.size();
    }
}
