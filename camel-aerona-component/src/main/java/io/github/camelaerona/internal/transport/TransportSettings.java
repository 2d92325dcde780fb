package io.github.camelaerona.transport;

import java.time.Duration;

import javax.net.ssl.SSLContext;

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
 * @param configurer     camel-http's hook to adjust the client, or null
 * @param tokenHeader    the header that carries the token both ways (option tokenHeader)
 * @param tls            what the TLS settings are (Camel's description of the SSLContextParameters, secrets
 *                       masked), to tell two endpoints' settings apart; null for the JVM's
 */
public record TransportSettings(String baseUrl, Duration connectTimeout, Duration socketTimeout, int maxConnections,
        SSLContext sslContext, String proxyHost, int proxyPort, HttpClientConfigurer configurer, String tokenHeader,
        String tls) {
}
