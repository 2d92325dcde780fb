package io.github.camelaerona.internal.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one account's requests to Aerona over the Apache HttpClient 5 that every account with the same connection
 * settings shares ({@link SharedConnections}); the base URL and the token header are this account's.
 */
public final class AeronaHttpTransport implements Closeable {

    /** The header that carries the token by default (inferred; option tokenHeader). */
    public static final String TOKEN_HEADER = "AERONA-AUTH-TOKEN";
    public static final String USER_AGENT = "camel-aerona";

    private final String baseUrl;
    private final SharedConnections.Settings connections;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService timer;
    private final String tokenHeader;
    private final String userAgent;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param timer where the call timeouts run */
    public AeronaHttpTransport(TransportSettings settings, ScheduledExecutorService timer) {
        this.baseUrl = settings.baseUrl();
        this.timer = timer;
        this.tokenHeader = settings.tokenHeader();
        this.userAgent = settings.userAgent();
        this.connections = SharedConnections.Settings.of(settings);
        this.client = SharedConnections.take(connections);
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
        request.setHeader("User-Agent", userAgent);
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
    public void close() {
        if (closed.compareAndSet(false, true)) {
            SharedConnections.giveBack(connections, client);
        }
    }
}
