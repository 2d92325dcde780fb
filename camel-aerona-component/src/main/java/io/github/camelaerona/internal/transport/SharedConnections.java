package io.github.camelaerona.internal.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's HTTP clients, one per set of connection settings, shared by every account that uses them: the token
 * travels in a header, so the accounts of many clinics on one Aerona can share sockets. Each client's pool keeps up
 * to {@code maxConnections} connections per host. A client closes when the last account using it closes.
 */
final class SharedConnections {

    private static final Logger LOG = LoggerFactory.getLogger(SharedConnections.class);
    /** Hosts one client serves at most: the pool's total is this many hosts' worth of maxConnections. */
    private static final int HOSTS_PER_CLIENT = 16;
    private static final Map<Settings, Shared> CLIENTS = new HashMap<>();

    /**
     * What makes two clients different; the base URL and token header are not in it (they belong to each request).
     * TLS and the configurer compare by identity: the same bean, the same client.
     */
    record Settings(Duration connectTimeout, Duration socketTimeout, int maxConnections, SSLContext sslContext,
            String proxyHost, int proxyPort, HttpClientConfigurer configurer) {

        static Settings of(TransportSettings transport) {
            return new Settings(transport.connectTimeout(), transport.socketTimeout(), transport.maxConnections(),
                    transport.sslContext(), transport.proxyHost(), transport.proxyPort(), transport.httpClientConfigurer());
        }
    }

    private static final class Shared {
        final CloseableHttpClient client;
        int users;

        Shared(CloseableHttpClient client) {
            this.client = client;
        }
    }

    private SharedConnections() {
    }

    static synchronized CloseableHttpClient take(Settings settings) {
        Shared shared = CLIENTS.computeIfAbsent(settings, s -> new Shared(build(s)));
        shared.users++;
        return shared.client;
    }

    static void giveBack(Settings settings, CloseableHttpClient client) {
        synchronized (SharedConnections.class) {
            Shared shared = CLIENTS.get(settings);
            if (shared == null || shared.client != client || --shared.users > 0) {
                return;
            }
            CLIENTS.remove(settings);
        }
        try {
            client.close(); // outside the lock: closing sockets never holds up another account's start
        } catch (IOException e) {
            LOG.debug("Closing Aerona's HTTP connections: {}", e.toString());
        }
    }

    /** HTTP clients open now; for tests and monitoring. */
    public static synchronized int openClients() {
        return CLIENTS.size();
    }

    /**
     * Each request is sent exactly once: automatic retries and redirects are off, because every request that
     * reaches Aerona must have passed the rate limiter. A user's camel-http {@link HttpClientConfigurer} runs last
     * and may add interceptors or proxy authentication; it must leave retries off.
     */
    private static CloseableHttpClient build(Settings settings) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections() * HOSTS_PER_CLIENT)
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.socketTimeout()))
                        // a pooled connection the server closed while idle fails the next call without a reply,
                        // and calls are never retried: check one that sat idle before using it again
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build());
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool.build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("camel-aerona")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.socketTimeout()))
                        .build());
        if (settings.proxyHost() != null && !settings.proxyHost().isEmpty()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        if (settings.configurer() != null) {
            settings.configurer().configureHttpClient(builder);
        }
        return builder.build();
    }
}
