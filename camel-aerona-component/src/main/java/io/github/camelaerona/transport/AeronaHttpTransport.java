package io.github.camelaerona.transport;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.camel.component.http.HttpClientConfigurer;
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
 * Sends requests to Aerona over a pooled Apache HttpClient 5, one pool per account. It sends each request exactly
 * once: automatic retries and redirects are off, because every request that reaches Aerona must have passed the
 * rate limiter. A user's camel-http {@link HttpClientConfigurer} runs last and may add interceptors or proxy
 * authentication; it must leave retries off.
 */
public final class AeronaHttpTransport implements Closeable {

    public static final String TOKEN_HEADER = "AERONA-AUTH-TOKEN";

    private final String baseUrl;
    private final CloseableHttpClient client;

    public AeronaHttpTransport(TransportSettings settings) {
        this.baseUrl = settings.baseUrl();
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.socketTimeout()))
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
                        .setResponseTimeout(Timeout.of(settings.socketTimeout()))
                        .build());
        if (settings.proxyHost() != null && !settings.proxyHost().isEmpty()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        if (settings.configurer() != null) {
            settings.configurer().configureHttpClient(builder);
        }
        this.client = builder.build();
    }

    /**
     * Sends one request; the token goes in the AERONA-AUTH-TOKEN header when given. The response timeout is the
     * caller's (endpoints of one account share the pool but may wait for replies differently).
     */
    public HttpReply send(HttpCall call, String token, Duration responseTimeout) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), java.net.URI.create(baseUrl + call.pathAndQuery()));
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build());
        String jsonBody = call.jsonBody();
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
}
