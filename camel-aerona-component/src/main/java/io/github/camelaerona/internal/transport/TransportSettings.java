package io.github.camelaerona.internal.transport;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import io.github.camelaerona.internal.SettingsDifferences.NotCompared;
import org.apache.camel.component.http.HttpClientConfigurer;

/**
 * How to reach Aerona: one connection pool per account is built from these.
 *
 * @param baseUrl        the API root, without a trailing slash (as the account's key has it)
 * @param connectTimeout the longest wait for a connection
 * @param socketTimeout  the longest wait for each read, unless a call says otherwise
 * @param maxConnections the pool's size
 * @param sslContext     the TLS settings, or null for the JVM's
 * @param proxyHost      a proxy, or null
 * @param proxyPort      the proxy's port
 * @param httpClientConfigurer camel-http's hook to adjust the client, or null
 * @param tokenHeader    the header that carries the token both ways (option tokenHeader)
 * @param sslContextParameters what the TLS settings are (Camel's description of the SSLContextParameters, secrets
 *                       masked), to tell two endpoints' settings apart; null for the JVM's
 * @param userAgent      the User-Agent header of every request (option userAgent)
 */
public record TransportSettings(
        // part of the account's key, so equal for every lease of the account
        @NotCompared String baseUrl,
        Duration connectTimeout,
        // each call sets its own read timeout (CallLimits), so endpoints of one account may differ in it
        @NotCompared Duration socketTimeout,
        int maxConnections,
        // two endpoints build two SSLContext objects from equal parameters: sslContextParameters compares those
        @NotCompared SSLContext sslContext,
        String proxyHost, int proxyPort, HttpClientConfigurer httpClientConfigurer, String tokenHeader,
        String sslContextParameters, String userAgent) {
}
