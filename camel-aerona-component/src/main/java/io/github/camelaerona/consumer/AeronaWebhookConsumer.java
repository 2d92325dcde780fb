package io.github.camelaerona;

import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Receives Aerona's webhooks for one object type through a Camel HTTP consumer component (platform-http unless
 * set otherwise). Each new event runs the route on an exchange of its own; {@link AeronaWebhookHandler} answers.
 */
public class AeronaWebhookConsumer extends DefaultConsumer {

    /** The header a webhook sender may carry the secret in; the query parameter {@code secret} works too. */
    public static final String SECRET_HEADER = AeronaWebhookHandler.SECRET_HEADER;

    private final AeronaConfiguration configuration;
    private IdempotentRepository repository;
    private Consumer http;

    public AeronaWebhookConsumer(AeronaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
    }

    /** The path the webhook listens on. */
    public String getPath() {
        String path = configuration.getWebhookPath();
        return path == null || path.isBlank() ? configuration.getObjectType().defaultPath() : path;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        repository = ((AeronaEndpoint) getEndpoint()).idempotentRepository();
        ServiceHelper.startService(repository);
        String name = configuration.getWebhookComponentName();
        Component component = getEndpoint().getCamelContext().getComponent(name, true);
        if (!(component instanceof RestConsumerFactory factory)) {
            throw new IllegalStateException(component == null ? missingComponent(name)
                    : "aerona:webhook cannot listen through '" + name + "': it is not an HTTP consumer component"
                      + " (a RestConsumerFactory). Use platform-http, netty-http, jetty or undertow.");
        }
        AeronaWebhookHandler handler = new AeronaWebhookHandler(configuration, repository, this::runRoute);
        http = factory.createConsumer(getEndpoint().getCamelContext(), handler, null, getPath(), null, null, null,
                getEndpoint().getCamelContext().getRestConfiguration(), Map.of());
        try {
            ServiceHelper.startService(http);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(missingComponent(name) + " (" + e.getMessage() + ")", e);
        }
    }

    private boolean runRoute(Exchange request, Object event, AeronaWebhookHandler.Outcome outcome) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setHeaders(request.getMessage().getHeaders());
        message.setHeader(AeronaConstants.WEBHOOK_OBJECT_TYPE, configuration.getObjectType().name());
        message.setBody(event);
        return getAsyncProcessor().process(exchange, doneSync -> {
            boolean failed = exchange.isFailed() || exchange.isRollbackOnly();
            releaseExchange(exchange, false);
            outcome.done(failed, doneSync);
        });
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

    static String missingComponent(String name) {
        return "aerona:webhook found no HTTP server for component '" + name + "'. Add one: on camel-main"
               + " org.apache.camel:camel-platform-http-main, on Spring Boot"
               + " org.apache.camel.springboot:camel-platform-http-starter, standalone"
               + " org.apache.camel:camel-platform-http-vertx; or set webhookComponentName to the HTTP component you use"
               + " (netty-http, jetty, undertow)";
    }
}
