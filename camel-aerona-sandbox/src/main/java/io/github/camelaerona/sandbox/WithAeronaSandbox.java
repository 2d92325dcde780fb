package io.github.camelaerona.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts an Aerona sandbox for the test class: inject it as an {@link AeronaSandbox} field or parameter, or read
 * its address from the system properties {@code aerona.sandbox.base-url}, {@code aerona.sandbox.username} and
 * {@code aerona.sandbox.password} (handy in application.properties of camel-main or Spring Boot tests).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(AeronaSandboxExtension.class)
public @interface WithAeronaSandbox {

    /** TLS with the sandbox's self-signed certificate. */
    boolean https() default false;

    /** Requests per ratePeriodSeconds per user before the sandbox invalidates tokens; 0 for none. */
    int rateLimit() default 300;

    long ratePeriodSeconds() default 900;

    String username() default AeronaSandbox.DEFAULT_USERNAME;

    String password() default AeronaSandbox.DEFAULT_PASSWORD;

    /**
     * Pins the sandbox clock to start at this ISO-8601 instant (such as {@code 2026-06-17T10:00:00Z}) so that
     * seeded data and every date the sandbox answers are the same on any day; empty (the default) starts it at the
     * machine's time. A test whose outcome depends on dates should pin it, and give the component the same clock.
     */
    String startTime() default "";

    /** Clear the request log, the counters, the faults and the webhook deliveries before each test (the data stays). */
    boolean resetBetweenTests() default true;
}
