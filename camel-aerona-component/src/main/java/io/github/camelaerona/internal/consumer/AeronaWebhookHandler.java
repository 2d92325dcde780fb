package io.github.camelaerona.internal.consumer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.function.Consumer;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.camelaerona.api.AeronaUnreadableEventException;
import io.github.camelaerona.internal.SafeText;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.model.AeronaJson;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one webhook request as Aerona needs it: checks method, secret, size and JSON; turns the request's exchange
 * into the event (a plain message with the parsed event as body, the object type in a header, the HTTP headers kept)
 * and hands it to the next processor, the route, in the request's own exchange (a second exchange and a copy of every
 * header cost a tenth of the throughput); answers 200 once the route succeeded, 500 when it failed, and 200 without running
 * the route for an event already processed. An event's key enters the idempotent repository only once its route
 * succeeded; a second delivery of an event still being processed waits for the first's outcome and gets the same
 * answer. Method, secret and Content-Length are checked before the body is read, and a streamed body is read no
 * further than the limit (an HTTP server that buffers bodies itself must be given its own limit: see the docs).
 * {@link AeronaWebhookConsumer} puts it behind a Camel HTTP consumer, and starts and stops it, and with it the
 * repository it made.
 */
public final class AeronaWebhookHandler extends AsyncProcessorSupport {

    /** The header that carries the event's object type. */
    public static final String OBJECT_TYPE_HEADER = "CamelAeronaWebhookObjectType";
    /** The header a webhook sender may carry the secret in; the query parameter {@code secret} works too. */
    public static final String SECRET_HEADER = "X-Aerona-Webhook-Secret";
    private static final String SECRET_PARAMETER = "secret";
    private static final List<String> URL_HEADERS = List.of(Exchange.HTTP_QUERY, Exchange.HTTP_RAW_QUERY,
            Exchange.HTTP_URI, Exchange.HTTP_URL);
    /** A secret parameter, and the separator before it unless it is the first. */
    private static final Pattern SECRET_IN_QUERY = Pattern.compile("(^|[?&])" + SECRET_PARAMETER + "=[^&]*&?");

    private static final Logger LOG = LoggerFactory.getLogger(AeronaWebhookHandler.class);
    private static final ObjectMapper JSON = AeronaJson.mapper();

    private final WebhookSettings settings;
    private final Consumer<Exchange> adopt;
    private final BiPredicate<Exchange, AeronaUnreadableEventException> takeUnreadable;
    private final AsyncProcessor next;
    private final byte[] secretDigest;
    private final Map<String, CompletableFuture<Boolean>> inProgress = new ConcurrentHashMap<>();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    });
    private final ObjectReader reader;
    private final String keyPrefix;

    /**
     * @param adopt          makes a request's exchange the route's own (its from endpoint and route), before the route
     *                       runs
     * @param takeUnreadable hands an event that is JSON but does not read into its model to the error handling;
     *                       true when an error handler took it (it is then remembered and answered 200)
     * @param next           the route
     */
    public AeronaWebhookHandler(WebhookSettings settings, Consumer<Exchange> adopt,
                                BiPredicate<Exchange, AeronaUnreadableEventException> takeUnreadable, Processor next) {
        this.settings = settings;
        this.adopt = adopt;
        this.takeUnreadable = takeUnreadable;
        this.next = AsyncProcessorConverterHelper.convert(next);
        this.reader = JSON.readerFor(settings.objectType().modelType());
        this.keyPrefix = "webhook:" + settings.objectType() + ":";
        String secret = settings.secret();
        this.secretDigest = secret == null || secret.isEmpty() ? null : sha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doStart() throws Exception {
        // a repository bean (a JdbcMessageIdRepository, say) is started as Camel's idempotent consumer does it;
        // stopping stays with its owner, as other routes may share it
        ServiceHelper.startService(settings.repository());
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
        if (provided != null) {
            removeSecretFromUrls(in); // a secret query parameter is mapped to the header just removed
        }
        // everything that needs no body is decided before the body is read, so a stranger cannot make us buffer it
        Object method = in.getHeader(Exchange.HTTP_METHOD);
        if (method == null || !"POST".equalsIgnoreCase(method.toString())) {
            return answer(request, 405, "Only POST is accepted", callback);
        }
        if (secretDigest != null && !secretMatches(providedHeader != null ? providedHeader : provided)) {
            return answer(request, 401, "Missing or wrong webhook secret", callback);
        }
        long declared = declaredLength(in.getHeader(Exchange.CONTENT_LENGTH));
        if (declared > settings.maxBodySize()) {
            return answer(request, 413, "The body is larger than " + settings.maxBodySize() + " bytes", callback);
        }
        byte[] body;
        try {
            body = readAtMost(in, settings.maxBodySize());
        } catch (IOException e) {
            return answer(request, 400, "The body could not be read", callback);
        }
        if (body == null) {
            return answer(request, 413, "The body is larger than " + settings.maxBodySize() + " bytes", callback);
        }
        if (!startsAnObject(body)) {
            return answer(request, 400, "The body is not a JSON object", callback);
        }
        Object event = null;
        AeronaUnreadableEventException unreadable = null;
        try {
            event = reader.readValue(body); // one pass, straight into the model
        } catch (DatabindException e) {
            if (notJson(e)) {
                return answer(request, 400, "The body is not valid JSON", callback);
            }
            // JSON, but not an event of this type (a date in another form, text for a number): sending it again
            // cannot fix it, so like a poller's unreadable record it goes to the route's error handling
            unreadable = unreadable(body, e);
        } catch (IOException e) {
            return answer(request, 400, "The body is not valid JSON", callback);
        }
        String key = keyPrefix + HexFormat.of().formatHex(sha256(body));
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inProgress.putIfAbsent(key, outcome);
        if (running != null) {
            // the same event while its first delivery is still being processed: answer with that delivery's outcome,
            // never with a 200 that could turn out to be a lie
            running.whenComplete((processed, e) -> {
                respondWith(request, Boolean.TRUE.equals(processed));
                callback.done(false);
            });
            return false;
        }
        if (settings.repository().contains(key)) {
            // processed before: Aerona sent it again
            inProgress.remove(key, outcome);
            outcome.complete(true);
            return answer(request, 200, "", callback);
        }
        if (unreadable != null) {
            settle(key, outcome, request, takeUnreadable.test(request, unreadable));
            callback.done(true);
            return true;
        }
        adopt.accept(request);
        request.setMessage(eventMessage(request, in, event));
        return next.process(request, doneSync -> {
            settle(key, outcome, request, !request.isFailed() && !request.isRollbackOnly());
            callback.done(doneSync);
        });
    }

    /** Remembers a processed event, tells a duplicate waiting for this delivery, and answers Aerona. */
    private void settle(String key, CompletableFuture<Boolean> outcome, Exchange request, boolean processed) {
        if (processed) {
            // durable only now: a crash while the route ran leaves no key, so Aerona's retry is processed
            settings.repository().add(key);
            settings.repository().confirm(key);
        }
        inProgress.remove(key, outcome);
        outcome.complete(processed);
        respondWith(request, processed);
    }

    /**
     * Whether binding failed because the text is not JSON after all: the parser's error can reach us wrapped in a
     * mapping error (a raw control character inside a string the model reads into its additional properties).
     */
    private static boolean notJson(DatabindException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException) {
                return true;
            }
        }
        return false;
    }

    /** The error for an event that is JSON but does not read into its model, naming the event's id and the field. */
    private AeronaUnreadableEventException unreadable(byte[] body, DatabindException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null ? mapping.getPath().get(0).getFieldName() : "?";
        JsonNode id;
        try {
            id = JSON.readTree(body).path("id");
        } catch (IOException notATree) {
            id = MissingNode.getInstance();
        }
        return new AeronaUnreadableEventException(settings.objectType().name(),
                id.isMissingNode() ? "without id" : SafeText.quote(id.asText()), field,
                new String(body, StandardCharsets.UTF_8));
    }

    /**
     * The message the route gets: the event as body, the object type and the request's headers. A plain message, as
     * the event is no longer an HTTP request, and so that a route's first setBody or transform does not copy every
     * header out of the HTTP consumer's own message type (Camel copies a specialised message on a body change);
     * the headers' map moves over, it is not copied.
     */
    private Message eventMessage(Exchange request, Message http, Object event) {
        Message message = new DefaultMessage(request);
        message.setHeaders(http.getHeaders());
        message.setHeader(OBJECT_TYPE_HEADER, settings.objectType().name());
        message.setBody(event);
        return message;
    }

    /** Events whose first delivery is being processed, by key, with the outcome to come. */
    int inProgress() {
        return inProgress.size();
    }

    /** Deliveries of an event still in progress that wait for its outcome before they are answered. */
    int duplicatesWaiting() {
        return inProgress.values().stream().mapToInt(CompletableFuture::getNumberOfDependents).sum();
    }

    private static void respondWith(Exchange request, boolean processed) {
        if (processed) {
            respond(request, 200, "");
        } else {
            respond(request, 500, "The event was not processed; send it again");
        }
    }

    /**
     * The body, read up to the limit; null when it is larger. A streamed body (platform-http's useStreaming) is
     * never read past the limit.
     */
    private static byte[] readAtMost(Message in, long limit) throws IOException {
        Object body = in.getBody();
        if (body instanceof InputStream stream) {
            byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return bytes.length > limit ? null : bytes;
        }
        byte[] bytes = in.getBody(byte[].class);
        if (bytes == null) {
            return new byte[0];
        }
        return bytes.length > limit ? null : bytes;
    }

    /**
     * The secret may come as a query parameter; Camel's HTTP consumers also copy the query into the URL headers,
     * where a route's log or Camel's tracer would print it.
     */
    private static void removeSecretFromUrls(Message in) {
        for (String header : URL_HEADERS) {
            Object value = in.getHeader(header);
            if (value instanceof String text && text.contains(SECRET_PARAMETER + "=")) {
                in.setHeader(header, SECRET_IN_QUERY.matcher(text).replaceAll("$1").replaceAll("[?&]$", ""));
            }
        }
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
        request.setRollbackOnly(false);
        request.setRollbackOnlyLast(false);
        Message out = request.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        out.setBody(text);
    }

    private static byte[] sha256(byte[] bytes) {
        return SHA_256.get().digest(bytes);
    }

    /** A declared Content-Length, -1 when none or unreadable (the body's own size is checked as it is read). */
    private static long declaredLength(Object header) {
        if (header instanceof Number number) {
            return number.longValue();
        }
        if (header instanceof String text && !text.isEmpty()) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether the first character that is not white space opens a JSON object. */
    private static boolean startsAnObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "AeronaWebhookHandler[" + settings + "]";
    }
}
