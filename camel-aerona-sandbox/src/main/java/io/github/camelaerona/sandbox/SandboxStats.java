package io.github.camelaerona.sandbox;

/**
 * What the sandbox counted for one user since it started (or since {@link AeronaSandbox#resetStats()}).
 *
 * @param username          the user
 * @param logins            successful logins, each of which issued a token
 * @param requests          requests counted against the rate limit, logins included
 * @param maxInWindow       the most requests seen in any one rate window
 * @param overLimit         requests that went over the rate limit
 * @param invalidatedTokens tokens invalidated because the rate limit was exceeded
 */
public record SandboxStats(String username, long logins, long requests, int maxInWindow, long overLimit,
        long invalidatedTokens) {
}
