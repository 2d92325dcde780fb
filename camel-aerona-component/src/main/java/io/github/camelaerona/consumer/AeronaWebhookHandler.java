package io.github.camelaerona;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Answers one webhook request as Aerona needs it: checks method, secret, size and JSON; hands a new event to the
 * route; answers 200 once the route succeeded, 500 when it failed, and 200 without running the route for an event
 * already processed. Both {@code from("aerona:webhook...")} and {@code from("webhook:aerona:webhook...")} use it.
 */
final class AeronaWebhookHandler extends AsyncProcessorSupport {

    /** The header a webhook sender may carry the secret in; the query parameter {@code secret} works too. */
    static final String SECRET_HEADER = "X-Aerona-Webhook-Secret";
    private static final String SECRET_PARAMETER = "secret";

    /** Runs the route for a new event; reports through {@link Outcome} whether it failed. */
    @FunctionalInterface
    interface EventRoute {
        boolean process(Exchange request, Object event, Outcome outcome);
    }

    @FunctionalInterface
    interface Outcome {
        void done(boolean failed, boolean doneSync);
    }

    private final AeronaConfiguration configuration;
    private final AeronaWebhookObjectType objectType;
    private final IdempotentRepository repository;
    private final EventRoute route;
    private final byte[] secretDigest;
    private final ObjectMapper json = AeronaJson.mapper();

    AeronaWebhookHandler(AeronaConfiguration configuration, IdempotentRepository repository, EventRoute route) {
        this.configuration = configuration;
        this.objectType = configuration.getObjectType();
        this.repository = repository;
        this.route = route;
        String secret = configuration.getWebhookSecret();
        this.secretDigest = secret == null || secret.isEmpty() ? null : sha256(secret.getBytes(StandardCharsets.UTF_8));
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
        if (body.length > configuration.getWebhookMaxBodySize()) {
            return answer(request, 413, "The body is larger than " + configuration.getWebhookMaxBodySize() + " bytes", callback);
        }
        Object event;
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                return answer(request, 400, "The body is not a JSON object", callback);
            }
            event = json.treeToValue(node, objectType.modelType());
        } catch (IOException e) {
            return answer(request, 400, "The body is not valid JSON", callback);
        }
        String key = "webhook:" + objectType + ":" + HexFormat.of().formatHex(sha256(body));
        if (!repository.add(key)) {
            return answer(request, 200, "", callback); // processed before: Aerona sent it again
        }
        return route.process(request, event, (failed, doneSync) -> {
            if (failed) {
                repository.remove(key);
                respond(request, 500, "The event was not processed; send it again");
            } else {
                repository.confirm(key);
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
}
