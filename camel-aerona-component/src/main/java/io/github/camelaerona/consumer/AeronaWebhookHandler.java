package io.github.camelaerona.consumer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.model.AeronaJson;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Answers one webhook request as Aerona needs it: checks method, secret, size and JSON; builds the event exchange
 * (the parsed event as body, the object type in a header) and hands it to the next processor, the route; answers
 * 200 once the route succeeded, 500 when it failed, and 200 without running the route for an event already
 * processed. {@code from("aerona:webhook...")} puts it behind a Camel HTTP consumer, {@code webhook:aerona:webhook}
 * behind camel-webhook's; whoever runs it starts and stops it, and with it the repository it made.
 */
public final class AeronaWebhookHandler extends AsyncProcessorSupport {

    /** The header that carries the event's object type. */
    public static final String OBJECT_TYPE_HEADER = "CamelAeronaWebhookObjectType";
    /** The header a webhook sender may carry the secret in; the query parameter {@code secret} works too. */
    public static final String SECRET_HEADER = "X-Aerona-Webhook-Secret";
    private static final String SECRET_PARAMETER = "secret";

    private final WebhookSettings settings;
    private final Supplier<Exchange> events;
    private final AsyncProcessor next;
    private final byte[] secretDigest;
    private final ObjectMapper json = AeronaJson.mapper();

    /**
     * @param events where event exchanges come from (the consumer's, so they belong to its route)
     * @param next   the route
     */
    public AeronaWebhookHandler(WebhookSettings settings, Supplier<Exchange> events, Processor next) {
        this.settings = settings;
        this.events = events;
        this.next = AsyncProcessorConverterHelper.convert(next);
        String secret = settings.secret();
        this.secretDigest = secret == null || secret.isEmpty() ? null : sha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doStart() throws Exception {
        if (settings.ownsRepository()) {
            ServiceHelper.startService(settings.repository());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (settings.ownsRepository()) {
            ServiceHelper.stopService(settings.repository());
        }
    }

    @Override
    public boolean process(Exchange request, AsyncCallback callback) {
        Message in = request.getMessage();
        Object provided = in.removeHeader(SECRET_PARAMETER);
        Object providedHeader = in.removeHeader(SECRET_HEADER);
        if (!"POST".equalsIgnoreCase(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            return answer(request, 405, "Only POST is accepted", callback);
        }
        if (secretDigest != null && !secretMatches(providedHeader != null ? providedHeader : provided)) {
            return answer(request, 401, "Missing or wrong webhook secret", callback);
        }
        byte[] body = in.getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        if (body.length > settings.maxBodySize()) {
            return answer(request, 413, "The body is larger than " + settings.maxBodySize() + " bytes", callback);
        }
        Object event;
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                return answer(request, 400, "The body is not a JSON object", callback);
            }
            event = json.treeToValue(node, settings.objectType().modelType());
        } catch (IOException e) {
            return answer(request, 400, "The body is not valid JSON", callback);
        }
        String key = "webhook:" + settings.objectType() + ":" + HexFormat.of().formatHex(sha256(body));
        if (!settings.repository().add(key)) {
            return answer(request, 200, "", callback); // processed before: Aerona sent it again
        }
        Exchange exchange = events.get();
        exchange.getMessage().setHeaders(in.getHeaders());
        exchange.getMessage().setHeader(OBJECT_TYPE_HEADER, settings.objectType().name());
        exchange.getMessage().setBody(event);
        return next.process(exchange, doneSync -> {
            if (exchange.isFailed() || exchange.isRollbackOnly()) {
                settings.repository().remove(key);
                respond(request, 500, "The event was not processed; send it again");
            } else {
                settings.repository().confirm(key);
                respond(request, 200, "");
            }
            callback.done(doneSync);
        });
    }

    private boolean secretMatches(Object provided) {
        // digests of equal length, compared in constant time: neither content nor length leaks through timing
        return provided != null
                && MessageDigest.isEqual(secretDigest, sha256(provided.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean answer(Exchange request, int status, String text, AsyncCallback callback) {
        respond(request, status, text);
        callback.done(true);
        return true;
    }

    private static void respond(Exchange request, int status, String text) {
        request.setException(null);
        Message out = request.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        out.setBody(text);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "AeronaWebhookHandler[" + settings + "]";
    }
}
