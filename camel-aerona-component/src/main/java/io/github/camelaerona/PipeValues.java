package io.github.camelaerona;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Undoes the percent-encoding that a Pipe's properties arrive with. Camel's Pipe loader writes a Pipe's properties
 * into a {@code kamelet:} URI with URL encoding, and the Kamelet component keeps its URI raw, so
 * {@code timeZone: Europe/London} reaches the Kamelet's template as {@code Europe%2FLondon}. Only options where a
 * value as written could never hold an escape are decoded, so nothing valid as written changes.
 */
final class PipeValues {

    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private PipeValues() {
    }

    /**
     * For a time zone id (which has no '%') or a webhook path (which the HTTP server matches decoded): an escape in
     * one is the Pipe loader's.
     */
    static String unescaped(String value) {
        return value != null && ESCAPE.matcher(value).find() ? decode(value) : value;
    }

    /** A URL whose scheme's colon is escaped was a whole URL encoded. */
    static String url(String value) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("http%3a") || lower.startsWith("https%3a") ? decode(value) : value;
    }

    private static String decode(String value) {
        // '+' stays '+': a zone id such as Etc/GMT+1 keeps it, and the loader writes a '+' of a value as %2B
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
