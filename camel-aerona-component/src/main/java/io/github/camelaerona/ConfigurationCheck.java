package io.github.camelaerona;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.ZoneId;

import io.github.camelaerona.internal.SafeText;
import io.github.camelaerona.internal.account.AeronaAccount;
import io.github.camelaerona.internal.operation.RequestLines;
import org.apache.camel.spi.UriParam;

/**
 * The rules an endpoint's settings meet before it is used. A rule on one number or duration is an annotation on its
 * field in {@link AeronaConfiguration} ({@link AtLeast}, {@link Positive}), next to the option; rules that look at
 * more than one option, or at text, are here. Every refusal names the option, the value and what is
 * allowed. Camel reads a number or duration it cannot parse (such as {@code rateLimit=abc} or
 * {@code rateLimitPeriod=fifteen}) leniently as 0, so 0 must never mean "off": switches are separate options.
 */
final class ConfigurationCheck {

    private static final String DURATION = "a duration such as 500 (milliseconds), 30s, 15m or 1h"
            + " (a value Camel cannot read as a duration arrives as 0)";

    private ConfigurationCheck() {
    }

    /** The option must be at least {@code value}; {@code allowed} says what is, in the refusal. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface AtLeast {
        long value();

        String allowed();
    }

    /** The option is a duration of more than 0. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Positive {
    }

    /** The option is text that matches {@code value} whole (so it is never null). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Matches {
        String value();

        String allowed();
    }

    static void check(AeronaConfiguration c) {
        baseUrl(c.getBaseUrl());
        for (Field field : AeronaConfiguration.class.getDeclaredFields()) {
            Matches matches = field.getAnnotation(Matches.class);
            if (matches != null) {
                Object text = value(field, c);
                if (text == null || !text.toString().matches(matches.value())) {
                    refuse(field.getName(), text == null ? null : SafeText.quote(text.toString()), matches.allowed());
                }
            }
            AtLeast atLeast = field.getAnnotation(AtLeast.class);
            Positive positive = field.getAnnotation(Positive.class);
            if (atLeast != null || positive != null) {
                long value = ((Number) value(field, c)).longValue();
                if (positive != null) {
                    positive(field.getName(), value);
                } else {
                    boolean duration = field.getAnnotation(UriParam.class).javaType().equals("java.time.Duration");
                    atLeast(field.getName(), value, atLeast.value(), duration ? atLeast.allowed() + ", " + DURATION
                            : atLeast.allowed());
                }
            }
        }
        if (c.getTokenRenewMargin() < 0 || c.getTokenRenewMargin() > AeronaAccount.TOKEN_LIFETIME.toMillis()) {
            refuse("tokenRenewMargin", c.getTokenRenewMargin() + " ms", "0 to 1h (the token's life), " + DURATION);
        }
        if (c.getProxyPort() != null && (c.getProxyPort() < 1 || c.getProxyPort() > 65535)) {
            refuse("proxyPort", c.getProxyPort(), "a port number from 1 to 65535");
        }
        zone(c.getTimeZone());
        if (c.getWebhookPath() != null && !c.getWebhookPath().startsWith("/")) {
            refuse("webhookPath", c.getWebhookPath(), "a path on the integration's HTTP server starting with /,"
                    + " such as /aerona/appointment");
        }
        if (c.getLoginPath() == null || !c.getLoginPath().startsWith("/")) {
            refuse("loginPath", c.getLoginPath(), "a path below baseUrl starting with /, such as /login");
        }
        if (c.getLoginUsernameField() == null || c.getLoginUsernameField().isBlank()) {
            refuse("loginUsernameField", c.getLoginUsernameField(), "the JSON field name of the username, such as username");
        }
        if (c.getLoginPasswordField() == null || c.getLoginPasswordField().isBlank()) {
            refuse("loginPasswordField", c.getLoginPasswordField(), "the JSON field name of the password, such as password");
        }
        RequestLines.parse("requestOverrides", c.getRequestOverrides());
        if (!c.isRateLimitEnabled() && c.getBudgetDataSource() != null) {
            refuse("budgetDataSource", "a DataSource", "none while rateLimitEnabled=false: there is no budget to share");
        }
        if (c.getBudgetJournal() != null && (c.getBudgetDataSource() != null || c.getRateLimiter() != null
                || !c.isRateLimitEnabled())) {
            refuse("budgetJournal", c.getBudgetJournal(), "a file for the in-JVM budget only: not with budgetDataSource"
                    + " (the database keeps the window), a rateLimiter bean or rateLimitEnabled=false");
        }
        if (!c.isRateLimitEnabled() && c.getRateLimiter() != null) {
            refuse("rateLimiter", "a rate limiter bean", "none while rateLimitEnabled=false");
        }
    }

    private static Object value(Field field, AeronaConfiguration c) {
        try {
            field.setAccessible(true);
            return field.get(c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time zone named by the option timeZone; the JVM's when it is not set. */
    /** A URL as a message may show it: user info (a user and password in the URL) masked. */
    static String withoutUserInfo(String url) {
        return url == null ? null : url.replaceAll("(?<=//)[^/?#]*@", "****@");
    }

    static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(message("timeZone", value,
                    "a time zone id such as Europe/London or UTC"), e);
        }
    }

    static void baseUrl(String baseUrl) {
        URI uri;
        String shown = withoutUserInfo(baseUrl);
        try {
            uri = URI.create(baseUrl == null ? "" : baseUrl);
        } catch (IllegalArgumentException e) {
            // not chained: the parser's message repeats the URL as given, user info included
            throw new IllegalArgumentException(message("baseUrl", shown, "an https:// URL"));
        }
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            if (!isLoopback(uri.getHost())) {
                refuse("baseUrl", shown, "an https:// URL; Aerona is only reachable over https://"
                        + " (plain http:// is allowed for loopback hosts such as the sandbox)");
            }
        } else if (!"https".equalsIgnoreCase(uri.getScheme())) {
            refuse("baseUrl", shown, "an https:// URL");
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // only literal addresses count: resolving a name here could be spoofed
            boolean literal = host.matches("[0-9.]+") || host.startsWith("[");
            return literal && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void positive(String option, long millis) {
        if (millis <= 0) {
            refuse(option, millis + " ms", "more than 0, " + DURATION);
        }
    }

    private static void atLeast(String option, long value, long min, String allowed) {
        if (value < min) {
            // camel-main and Spring Boot bind rate-limit=abc as 0 before the component sees it
            refuse(option, value, value == 0 ? allowed + " (a value that is not a whole number, such as abc, arrives as 0)"
                    : allowed);
        }
    }

    private static void refuse(String option, Object value, String allowed) {
        throw new IllegalArgumentException(message(option, value, allowed));
    }

    private static String message(String option, Object value, String allowed) {
        return "aerona: option " + option + " is " + value + "; allowed: " + allowed + ". Set as " + option
                + "=... in an endpoint URI, or in application.properties as " + propertyKey(option);
    }

    /** The key camel-main and the Spring Boot starter bind to the option: camel.component.aerona.rate-limit. */
    static String propertyKey(String option) {
        return "camel.component.aerona." + option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
