package io.github.camelaerona.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends requests to Aerona over a pooled Apache HttpClient 5, one pool per account. It sends each request exactly
 * once: automatic retries and redirects are off, because every request that reaches Aerona must have passed the
 * rate limiter. A user's camel-http {@link HttpClientConfigurer} runs last and may add interceptors or proxy
 * authentication; it must leave retries off.
 */
public final class AeronaHttpTransport implements Closeable {

    /** The header that carries the token by default (inferred; option tokenHeader). */
    public static final String TOKEN_HEADER = "AERONA-AUTH-TOKEN";

    private final String baseUrl;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService timer;
    private final String tokenHeader;

    /** @param timer where the call timeouts run */
    public AeronaHttpTransport(TransportSettings settings, ScheduledExecutorService timer) {
        this.baseUrl = settings.baseUrl();
        this.timer = timer;
        this.tokenHeader = settings.tokenHeader();
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
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
     * Sends one request; the token goes in the AERONA-AUTH-TOKEN header when given. The limits are the caller's
     * (endpoints of one account share the pool but may wait for replies differently): the response timeout bounds
     * each read, the call timeout the whole request (it is aborted when it passes), and no more than maxReplySize
     * bytes of a reply are ever read.
     */
    public HttpReply send(HttpCall call, String token, CallLimits limits) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), java.net.URI.create(baseUrl + call.pathAndQuery()));
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(limits.responseTimeout())).build());
        request.setHeader("Accept", "application/json");
        if (token != null) {
            request.setHeader(tokenHeader, token);
        }
        if (call.jsonBody() != null) {
            request.setEntity(new StringEntity(call.jsonBody(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            timedOut.set(true);
            request.cancel();
        }, limits.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(request, response -> {
                String body = read(response.getEntity(), response.getCode(), limits.maxReplySize());
                Header answered = response.getFirstHeader(tokenHeader);
                return new HttpReply(response.getCode(), body, answered == null ? null : answered.getValue());
            });
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new ReplyLimitException(ReplyLimitException.Limit.CALL_TIMEOUT, 0,
                        "no complete reply within callTimeout (" + limits.callTimeout() + "); the request was aborted");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private static String read(HttpEntity entity, int status, long maxReplySize) throws IOException {
        if (entity == null) {
            return "";
        }
        if (entity.getContentLength() > maxReplySize) {
            throw tooLarge(status, maxReplySize);
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return "";
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxReplySize + 1));
            if (bytes.length > maxReplySize) {
                throw tooLarge(status, maxReplySize);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static ReplyLimitException tooLarge(int status, long maxReplySize) {
        return new ReplyLimitException(ReplyLimitException.Limit.MAX_REPLY_SIZE, status,
                "the reply is larger than maxReplySize (" + maxReplySize + " bytes); it was not read");
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
