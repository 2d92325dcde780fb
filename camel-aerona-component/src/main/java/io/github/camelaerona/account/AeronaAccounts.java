package io.github.camelaerona.session;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.camelaerona.AeronaRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of the JVM, one per account (baseUrl + username). Aerona counts its limit per token, and a second
 * login would spend budget and could invalidate the first, so every endpoint, route and CamelContext of an account
 * must share one session; endpoints take it when they start and give it back when they stop.
 */
public final class AeronaSessions {

    private static final Logger LOG = LoggerFactory.getLogger(AeronaSessions.class);
    private static final Map<String, Entry> SESSIONS = new HashMap<>();

    private AeronaSessions() {
    }

    /** The budget an endpoint asks for: its own limiter bean, or a limit per period (0: no throttling). */
    public record Budget(AeronaRateLimiter customLimiter, int limit, Duration period) {
        boolean unlimited() {
            return customLimiter == null && limit <= 0;
        }
    }

    /** The account's session; the clock of the endpoint that creates it times the token's hour. */
    public static synchronized AeronaSession acquire(String baseUrl, String username, Budget budget, Duration renewMargin,
            Clock clock) {
        String key = baseUrl + "|" + username;
        Entry entry = SESSIONS.get(key);
        String account = username + " at " + baseUrl;
        if (entry == null) {
            entry = new Entry(new AeronaSession(account, limiterFor(account, budget), renewMargin, clock));
            SESSIONS.put(key, entry);
        } else {
            reconcile(entry.session, budget);
            entry.session.renewMargin(renewMargin);
        }
        entry.users++;
        return entry.session;
    }

    /** An endpoint no longer uses the session; the last one to let go forgets it (and its token). */
    public static synchronized void release(AeronaSession session) {
        for (var it = SESSIONS.values().iterator(); it.hasNext();) {
            Entry entry = it.next();
            if (entry.session == session) {
                entry.users--;
                if (entry.users <= 0) {
                    it.remove();
                }
                return;
            }
        }
    }

    /** Endpoints of one account that ask for different budgets share the strictest. */
    private static void reconcile(AeronaSession session, Budget budget) {
        AeronaRateLimiter current = session.limiter();
        if (budget.customLimiter() != null) {
            if (budget.customLimiter() != current) {
                LOG.warn("Aerona account {} already has a rate limiter; a second rateLimiter bean for it is ignored",
                        session.account());
            }
            return;
        }
        if (budget.unlimited() || current == budget.customLimiter()) {
            return;
        }
        if (current instanceof UnlimitedRateLimiter) {
            LOG.warn("Aerona account {} was unthrottled; an endpoint asks for {} requests per {}, which now applies",
                    session.account(), budget.limit(), budget.period());
            session.replaceLimiter(new SlidingWindowRateLimiter(session.account(), budget.limit(), budget.period()));
        } else if (current instanceof SlidingWindowRateLimiter window
                && (window.limit() != budget.limit() || !window.period().equals(budget.period()))) {
            window.restrictTo(budget.limit(), budget.period());
            LOG.warn("Endpoints of Aerona account {} ask for different rate limits; all share the strictest: {} requests per {}",
                    session.account(), window.limit(), window.period());
        }
    }

    private static AeronaRateLimiter limiterFor(String account, Budget budget) {
        if (budget.customLimiter() != null) {
            return budget.customLimiter();
        }
        return budget.unlimited()
                ? UnlimitedRateLimiter.INSTANCE
                : new SlidingWindowRateLimiter(account, budget.limit(), budget.period());
    }

    private static final class Entry {
        final AeronaSession session;
        int users;

        Entry(AeronaSession session) {
            this.session = session;
        }
    }
}
