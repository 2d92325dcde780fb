package io.github.camelaerona.http;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;

import io.github.camelaerona.AeronaHttpClientConfigurer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends requests to Aerona over a pooled Apache HttpClient 5. It sends each request exactly once: automatic
 * retries and redirects are off, because every request that reaches Aerona must have passed the rate limiter.
 */
public final class AeronaHttpTransport implements Closeable {

    public static final String TOKEN_HEADER = "AERONA-AUTH-TOKEN";

    private final String baseUrl;
    private final CloseableHttpClient client;

    public AeronaHttpTransport(String baseUrl, HttpSettings settings) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(settings.socketTimeoutMillis()))
                        .build());
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        PoolingHttpClientConnectionManager connections = pool.build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("camel-aerona")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.socketTimeoutMillis()))
                        .build());
        if (settings.proxyHost() != null && !settings.proxyHost().isEmpty()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        if (settings.configurer() != null) {
            settings.configurer().configureHttpClient(builder);
        }
        this.client = builder.build();
    }

    /** Sends one request; the token goes in the AERONA-AUTH-TOKEN header when given. */
    public HttpReply send(String method, String pathAndQuery, String jsonBody, String token) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(baseUrl + pathAndQuery));
        request.setHeader("Accept", "application/json");
        if (token != null) {
            request.setHeader(TOKEN_HEADER, token);
        }
        if (jsonBody != null) {
            request.setEntity(new StringEntity(jsonBody, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        }
        return client.execute(request, response -> {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            Header tokenHeader = response.getFirstHeader(TOKEN_HEADER);
            return new HttpReply(response.getCode(), body, tokenHeader == null ? null : tokenHeader.getValue());
        });
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** The connection settings of an endpoint. */
    public record HttpSettings(
            int connectTimeoutMillis, int socketTimeoutMillis, int maxConnections, SSLContext sslContext,
            String proxyHost, int proxyPort, AeronaHttpClientConfigurer configurer) {
    }
}
