package io.github.camelaerona.account;

/**
 * Who an account is to Aerona: its API root and user. Aerona counts its rate limit and issues tokens per user, so
 * everything that uses one key in the JVM shares one {@link AeronaAccount}.
 */
public record AccountKey(String baseUrl, String username) {

    public AccountKey {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** How logs, health checks and exceptions name the account. */
    @Override
    public String toString() {
        return username + " at " + baseUrl;
    }
}
