package io.github.camelaerona.internal.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Who an account is to Aerona: its API root and user. Aerona counts its rate limit and issues tokens per user, so
 * everything that uses one key in the JVM shares one {@link AeronaAccount}.
 * <p>
 * The base URL is kept in one canonical spelling, so that two spellings of one server are one account with one
 * budget and one token: scheme and host in lower case, the scheme's default port dropped, trailing slashes ignored.
 * The path keeps its case (servers may tell paths apart by case).
 */
public record AccountKey(String baseUrl, String username) {

    public AccountKey {
        baseUrl = canonical(baseUrl);
    }

    static String canonical(String baseUrl) {
        String trimmed = baseUrl.replaceFirst("/+$", "");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return trimmed; // the configuration check refuses it with a message of its own
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return trimmed;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** How logs, health checks and exceptions name the account. */
    @Override
    public String toString() {
        return username + " at " + baseUrl;
    }
}
