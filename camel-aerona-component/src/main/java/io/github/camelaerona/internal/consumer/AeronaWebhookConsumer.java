package io.github.camelaerona.internal.consumer;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Aerona's webhooks for one object type: finds the Camel HTTP consumer component (platform-http unless set
 * otherwise) and starts a listener on the webhook's path whose processor is an {@link AeronaWebhookHandler} in front
 * of this consumer's route.
 */
public class AeronaWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AeronaWebhookConsumer.class);

    private final WebhookSettings settings;
    private AeronaWebhookHandler handler;
    private Consumer http;

    public AeronaWebhookConsumer(Endpoint endpoint, Processor processor, WebhookSettings settings) {
        super(endpoint, processor);
        this.settings = settings;
    }

    /** The path the webhook listens on. */
    public String getPath() {
        return settings.listenPath();
    }

    /** Deliveries of an event still being processed that wait for its outcome (0 when the consumer is stopped). */
    public int getDuplicatesWaiting() {
        AeronaWebhookHandler running = handler;
        return running == null ? 0 : running.duplicatesWaiting();
    }

    /** The largest body accepted, in bytes (webhookMaxBodySize): a server in front may refuse larger ones unread. */
    public long getMaxBodySize() {
        return settings.maxBodySize();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        CamelContext context = getEndpoint().getCamelContext();
        String name = settings.componentName();
        Component component = context.getComponent(name, true);
        if (!(component instanceof RestConsumerFactory factory)) {
            throw new IllegalStateException(component == null ? missingComponent(name)
                    : "aerona:webhook cannot listen through '" + name + "': it is not an HTTP consumer component"
                      + " (a RestConsumerFactory). Use platform-http, netty-http, jetty or undertow.");
        }
        handler = new AeronaWebhookHandler(settings, request -> {
            // the request becomes this route's exchange, as createExchange would have made it
            request.getExchangeExtension().setFromEndpoint(getEndpoint());
            request.getExchangeExtension().setFromRouteId(getRouteId());
        }, (request, problem) -> {
            // an exchange of this route's own, as a poller's unreadable record has, for the route's error handler
            // with bridgeErrorHandler=true; else it is logged at WARN
            Exchange event = createExchange(true);
            event.getMessage().setBody(problem.getEventJson());
            return UnreadableRecords.takenByErrorHandler(getExceptionHandler(), event, problem);
        }, getProcessor());
        ServiceHelper.startService(handler);
        http = factory.createConsumer(context, handler, null, getPath(), null, null, null,
                context.getRestConfiguration(), Map.of());
        try {
            ServiceHelper.startService(http);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(missingComponent(name) + " (" + e.getMessage() + ")", e);
        }
        // Aerona has no API to register webhooks (they are set up in its settings), so this is all registration is
        LOG.info("Receiving Aerona {} webhooks on {} through {}: set the {} webhook in Aerona's settings to this"
                + " server's URL for that path", settings.objectType(), getPath(), name, settings.objectType());
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(http);
        http = null;
        ServiceHelper.stopService(handler);
        handler = null;
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
