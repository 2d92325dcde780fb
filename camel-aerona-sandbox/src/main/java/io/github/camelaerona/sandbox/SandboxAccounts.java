package io.github.camelaerona.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users, their tokens and Aerona's rate limit. Every request a user makes, logins included, counts in a
 * sliding window on the sandbox clock; the request that goes over the limit invalidates the user's
 * tokens, as the API page says.
 */
final class SandboxAccounts {

    /** What a request's token turned out to be. */
    enum TokenState {
        VALID, MISSING, UNKNOWN, EXPIRED, INVALIDATED
    }

    record Token(String value, String username, Instant expires) {
    }

    private final Clock clock;
    private final Duration tokenLifetime;
    private final int rateLimit;
    private final Duration ratePeriod;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> invalidated = new ConcurrentHashMap<>();
    private final Map<String, UserCounters> counters = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    SandboxAccounts(Clock clock, Duration tokenLifetime, int rateLimit, Duration ratePeriod) {
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.rateLimit = rateLimit;
        this.ratePeriod = ratePeriod;
    }

    void addUser(String username, String password) {
        passwords.put(username, password);
    }

    boolean checkPassword(String username, String password) {
        return username != null && password != null && password.equals(passwords.get(username));
    }

    boolean knowsUser(String username) {
        return username != null && passwords.containsKey(username);
    }

    Token issueToken(String username) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        Token token = new Token(HexFormat.of().formatHex(bytes), username, clock.instant().plus(tokenLifetime));
        tokens.put(token.value(), token);
        synchronized (counters) {
            counters(username).logins++;
        }
        return token;
    }

    TokenState check(String value) {
        if (value == null || value.isBlank()) {
            return TokenState.MISSING;
        }
        if (invalidated.containsKey(value)) {
            return TokenState.INVALIDATED;
        }
        Token token = tokens.get(value);
        if (token == null) {
            return TokenState.UNKNOWN;
        }
        return clock.instant().isBefore(token.expires()) ? TokenState.VALID : TokenState.EXPIRED;
    }

    String userOf(String tokenValue) {
        Token token = tokenValue == null ? null : tokens.get(tokenValue);
        return token == null ? null : token.username();
    }

    /**
     * Counts one request of the user; answers false when it is over the limit, in which case every token
     * of the user has just been invalidated.
     */
    boolean countRequest(String username) {
        Instant now = clock.instant();
        synchronized (counters) {
            UserCounters c = counters(username);
            Instant horizon = now.minus(ratePeriod);
            while (!c.window.isEmpty() && !c.window.peekFirst().isAfter(horizon)) {
                c.window.pollFirst();
            }
            c.window.addLast(now);
            c.requests++;
            c.maxInWindow = Math.max(c.maxInWindow, c.window.size());
            if (rateLimit > 0 && c.window.size() > rateLimit) {
                c.overLimit++;
                invalidateTokensOf(username, true);
                return false;
            }
            return true;
        }
    }

    /** Invalidates every token of the user, as the API does when the rate limit is exceeded. */
    int invalidateTokensOf(String username, boolean byRateLimit) {
        int count = 0;
        for (Token token : tokens.values()) {
            if (token.username().equals(username) && !invalidated.containsKey(token.value())) {
                invalidated.put(token.value(), clock.instant());
                count++;
            }
        }
        if (byRateLimit && count > 0) {
            synchronized (counters) {
                counters(username).invalidatedTokens += count;
            }
        }
        return count;
    }

    SandboxStats stats(String username) {
        synchronized (counters) {
            UserCounters c = counters(username);
            return new SandboxStats(username, c.logins, c.requests, c.maxInWindow, c.overLimit, c.invalidatedTokens);
        }
    }

    void resetStats() {
        synchronized (counters) {
            counters.clear();
        }
    }

    private UserCounters counters(String username) {
        return counters.computeIfAbsent(username, u -> new UserCounters());
    }

    private static final class UserCounters {
        final Deque<Instant> window = new ArrayDeque<>();
        long logins;
        long requests;
        int maxInWindow;
        long overLimit;
        long invalidatedTokens;
    }
}
