package io.github.camelaerona;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Receives Aerona's webhooks for one object type through a Camel HTTP consumer component (platform-http unless
 * set otherwise), and answers as Aerona needs: 200 only once the route has processed the event, 500 when it failed
 * (so Aerona sends it again), 200 without processing for an event already processed.
 */
public class AeronaWebhookConsumer extends DefaultConsumer {

    /** The header a webhook sender may carry the secret in; the query parameter {@code secret} works too. */
    public static final String SECRET_HEADER = "X-Aerona-Webhook-Secret";
    private static final String SECRET_PARAMETER = "secret";

    private final AeronaConfiguration configuration;
    private final AeronaWebhookObjectType objectType;
    private final ObjectMapper json = AeronaJson.mapper();
    private final byte[] secretDigest;
    private IdempotentRepository repository;
    private Consumer http;

    public AeronaWebhookConsumer(AeronaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.objectType = configuration.getObjectType();
        String secret = configuration.getWebhookSecret();
        this.secretDigest = secret == null || secret.isEmpty() ? null : sha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The path the webhook listens on. */
    public String getPath() {
        String path = configuration.getWebhookPath();
        return path == null || path.isBlank() ? objectType.defaultPath() : path;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        repository = configuration.getIdempotentRepository() != null
                ? configuration.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
        ServiceHelper.startService(repository);
        String name = configuration.getWebhookComponentName();
        Component component = getEndpoint().getCamelContext().getComponent(name, true);
        if (!(component instanceof RestConsumerFactory factory)) {
            throw new IllegalStateException(component == null ? missingComponent(name)
                    : "aerona:webhook cannot listen through '" + name + "': it is not an HTTP consumer component"
                      + " (a RestConsumerFactory). Use platform-http, netty-http, jetty or undertow.");
        }
        http = factory.createConsumer(getEndpoint().getCamelContext(), new Handler(), null, getPath(), null, null, null,
                getEndpoint().getCamelContext().getRestConfiguration(), Map.of());
        try {
            ServiceHelper.startService(http);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(missingComponent(name) + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(http);
        http = null;
        if (configuration.getIdempotentRepository() == null) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    private static String missingComponent(String name) {
        return "aerona:webhook found no HTTP server for component '" + name + "'. Add one: on camel-main"
               + " org.apache.camel:camel-platform-http-main, on Spring Boot"
               + " org.apache.camel.springboot:camel-platform-http-starter, standalone"
               + " org.apache.camel:camel-platform-http-vertx; or set webhookComponentName to the HTTP component you use"
               + " (netty-http, jetty, undertow)";
    }

    /** Checks one webhook request and, if it is a new event, runs the route with it. */
    private final class Handler extends AsyncProcessorSupport {

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
            Exchange exchange = createExchange(false);
            Message message = exchange.getMessage();
            message.setHeaders(in.getHeaders());
            message.setHeader(AeronaConstants.WEBHOOK_OBJECT_TYPE, objectType.name());
            message.setBody(event);
            return getAsyncProcessor().process(exchange, doneSync -> {
                if (exchange.isFailed() || exchange.isRollbackOnly()) {
                    repository.remove(key);
                    respond(request, 500, "The event was not processed; send it again");
                } else {
                    repository.confirm(key);
                    respond(request, 200, "");
                }
                releaseExchange(exchange, false);
                callback.done(doneSync);
            });
        }

        private boolean secretMatches(Object provided) {
            // digests of equal length, compared in constant time: neither content nor length leaks through timing
            return provided != null
                    && MessageDigest.isEqual(secretDigest, sha256(provided.toString().getBytes(StandardCharsets.UTF_8)));
        }

        private boolean answer(Exchange request, int status, String text, AsyncCallback callback) {
            respond(request, status, text);
            callback.done(true);
            return true;
        }

        private void respond(Exchange request, int status, String text) {
            Message out = request.getMessage();
            out.removeHeaders("*");
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            out.setHeader(Exchange.CONTENT_TYPE, "text/plain");
            out.setBody(text);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
