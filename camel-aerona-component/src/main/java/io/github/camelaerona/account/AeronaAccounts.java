package io.github.camelaerona.account;

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
 * <b>When leases disagree.</b> The first lease of an account fixes its settings. A later lease with different
 * settings changes only the budget, and only to make it stricter (the lower limit, the longer period), as the
 * contract asks; every other difference (password, timeouts, pool size, TLS, proxy, configurer, renew margin,
 * clock) is logged as a warning that names the options and is otherwise ignored until the account's last lease
 * closes. Each lease keeps its own {@code rateLimitMaxWait} and {@code socketTimeout} ({@link AccountLease.Terms}).
 */
public final class AeronaAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(AeronaAccounts.class);
    private static final Map<AccountKey, AeronaAccount> ACCOUNTS = new HashMap<>();
    /** The base URLs each username was leased under in this JVM. */
    private static final Map<String, java.util.Set<String>> BASE_URLS = new HashMap<>();

    private AeronaAccounts() {
    }

    /**
     * Takes a lease on the account, opening it if no lease holds it yet.
     *
     * @param terms how the lease's own calls wait (for the budget, for replies) and where they continue
     */
    public static synchronized AccountLease lease(AccountKey key, AccountSettings settings, AccountLease.Terms terms) {
        warnOnceOfASecondBaseUrl(key);
        AeronaAccount account = ACCOUNTS.get(key);
        if (account == null) {
            account = new AeronaAccount(key, settings);
            ACCOUNTS.put(key, account);
        } else {
            account.joinBudget(settings.budget());
            List<String> ignored = account.settings().differencesFrom(settings);
            if (!ignored.isEmpty()) {
                LOG.warn("Aerona account {} is already open with other settings; the first endpoint's {} stay in force",
                        key, String.join(", ", ignored));
            }
        }
        account.leases++;
        return new AccountLease(account, terms);
    }

    /**
     * One username under two base URLs is most likely one account spelt two ways that canonical spelling cannot
     * join (an IP address and a host name, a proxy): two budgets of which Aerona counts the sum.
     */
    private static void warnOnceOfASecondBaseUrl(AccountKey key) {
        java.util.Set<String> seen = BASE_URLS.computeIfAbsent(key.username(), u -> new java.util.LinkedHashSet<>());
        if (seen.add(key.baseUrl())) {
            // each pair once: the URL is new, so no pair with it has been logged before
            for (String other : seen) {
                if (!other.equals(key.baseUrl())) {
                    LOG.warn("Aerona user {} is used under two base URLs, {} and {}: each gets its own token and budget."
                            + " If both reach the same Aerona, write the base URL the same way everywhere, or Aerona"
                            + " counts both budgets against one limit", key.username(), other, key.baseUrl());
                }
            }
        }
    }

    static synchronized void release(AeronaAccount account) {
        account.leases--;
        if (account.leases <= 0 && ACCOUNTS.get(account.key()) == account) {
            ACCOUNTS.remove(account.key());
            account.close();
        }
    }

    /** Accounts open now; for tests and monitoring. */
    public static synchronized int openAccounts() {
        return ACCOUNTS.size();
    }
}
