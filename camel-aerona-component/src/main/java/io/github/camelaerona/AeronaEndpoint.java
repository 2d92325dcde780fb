package io.github.camelaerona;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

import io.github.camelaerona.http.AeronaHttpTransport;
import io.github.camelaerona.session.AeronaSession;
import io.github.camelaerona.session.AeronaSessions;
import io.github.camelaerona.session.SlidingWindowRateLimiter;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;

/**
 * Calls the Aerona Clinic API: book appointments, read patients, payments and invoices. Login, token renewal and
 * throttling to Aerona's rate limit happen inside, shared by every endpoint of the same account.
 */
@ManagedResource(description = "Aerona endpoint")
@UriEndpoint(firstVersion = "0.1.0", scheme = "aerona", title = "Aerona", syntax = "aerona:operation",
             category = { Category.API, Category.SAAS, Category.HEALTH }, headersClass = AeronaConstants.class)
public class AeronaEndpoint extends ScheduledPollEndpoint
        implements AsyncEndpoint, EndpointServiceLocation, WebhookCapableEndpoint {

    @UriParam
    private AeronaConfiguration configuration;

    private WebhookConfiguration webhookConfiguration;
    private AeronaHttpTransport transport;
    private AeronaSession session;
    private AeronaSession.Caller caller;

    public AeronaEndpoint(String uri, AeronaComponent component, AeronaConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public AeronaComponent getComponent() {
        return (AeronaComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (configuration.getOperation().spec().isConsumerOnly()) {
            throw new IllegalArgumentException("aerona:" + configuration.getOperation() + " can only be used in from(...)");
        }
        return new AeronaProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        AeronaOperation operation = configuration.getOperation();
        Consumer consumer;
        if (operation == AeronaOperation.webhook) {
            if (configuration.getObjectType() == null) {
                throw new IllegalArgumentException("aerona:webhook needs objectType: Patient, Appointment or Treatment");
            }
            consumer = new AeronaWebhookConsumer(this, processor);
        } else if (operation.spec().isPollable()) {
            consumer = new AeronaPollingConsumer(this, processor);
        } else {
            throw new IllegalArgumentException("aerona:" + operation + " cannot start a route: poll with"
                    + " aerona:searchPayments or aerona:searchInvoices, or receive events with aerona:webhook");
        }
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * For {@code webhook:aerona:webhook?objectType=...}: Camel's webhook component runs the HTTP side and this handler
     * answers each request as {@link AeronaWebhookConsumer} does.
     */
    @Override
    public Processor createWebhookHandler(Processor next) {
        if (configuration.getOperation() != AeronaOperation.webhook || configuration.getObjectType() == null) {
            throw new IllegalArgumentException("webhook:aerona needs aerona:webhook?objectType=Patient, Appointment or Treatment");
        }
        IdempotentRepository repository = idempotentRepository();
        ServiceHelper.startService(repository);
        AsyncProcessor route = AsyncProcessorConverterHelper.convert(next);
        String objectType = configuration.getObjectType().name();
        return new AeronaWebhookHandler(configuration, repository, (request, event, outcome) -> {
            request.getMessage().setBody(event);
            request.getMessage().setHeader(AeronaConstants.WEBHOOK_OBJECT_TYPE, objectType);
            return route.process(request,
                    doneSync -> outcome.done(request.isFailed() || request.isRollbackOnly(), doneSync));
        });
    }

    /** Aerona has no API to register webhooks: they are set up in Aerona's settings, so this only says where. */
    @Override
    public void registerWebhook() throws Exception {
        if (webhookConfiguration != null) {
            org.slf4j.LoggerFactory.getLogger(AeronaEndpoint.class).info(
                    "Aerona webhooks are set up in Aerona's own settings; point the {} webhook at {}",
                    configuration.getObjectType(), webhookConfiguration.computeFullExternalUrl());
        }
    }

    @Override
    public void unregisterWebhook() {
        // nothing to undo: registration is done by hand in Aerona
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }

    /** One poll a minute: 15 of Aerona's 300 requests per 15 minutes. */
    @Override
    public long getDefaultDelay() {
        return 60_000L;
    }

    /** Fails early on settings that can never work, before anything is sent. */
    void checkConfiguration() {
        String baseUrl = configuration.getBaseUrl();
        URI uri;
        try {
            uri = URI.create(ObjectHelper.notNull(baseUrl, "baseUrl"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aerona: baseUrl is not a valid URL: " + baseUrl, e);
        }
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            if (!isLoopback(uri.getHost())) {
                throw new IllegalArgumentException("aerona: baseUrl " + baseUrl + " uses plain http://; Aerona is only"
                        + " reachable over https:// (http:// is allowed for loopback hosts such as the sandbox)");
            }
        } else if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("aerona: baseUrl must start with https://, but was " + baseUrl);
        }
        if (configuration.getRateLimit() < 0) {
            throw new IllegalArgumentException("aerona: rateLimit must be 0 (off) or more, but was " + configuration.getRateLimit());
        }
        if (configuration.getTokenRenewMargin() < 0 || configuration.getTokenRenewMargin() > AeronaSession.TOKEN_LIFETIME.toMillis()) {
            throw new IllegalArgumentException("aerona: tokenRenewMargin must be between 0 and 1 hour");
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // only literal addresses count: resolving a name here could be spoofed
            boolean literal = host.matches("[0-9.]+") || host.startsWith("[");
            return literal && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getOperation().spec().isConsumerOnly()) {
            return;
        }
        ObjectHelper.notNull(configuration.getUsername(), "username (set it on the aerona component or the endpoint)");
        ObjectHelper.notNull(configuration.getPassword(), "password (set it on the aerona component or the endpoint)");
        SSLContext ssl = configuration.getSslContextParameters() == null
                ? null : configuration.getSslContextParameters().createSSLContext(getCamelContext());
        transport = new AeronaHttpTransport(configuration.getBaseUrl(), new AeronaHttpTransport.HttpSettings(
                (int) configuration.getConnectTimeout(), (int) configuration.getSocketTimeout(),
                configuration.getMaxConnections(), ssl, configuration.getProxyHost(),
                configuration.getProxyPort() == null ? 8080 : configuration.getProxyPort(),
                configuration.getHttpClientConfigurer()));
        session = AeronaSessions.acquire(transport.baseUrl(), configuration.getUsername(),
                new AeronaSessions.Budget(configuration.getRateLimiter(), configuration.getRateLimit(),
                        Duration.ofMillis(configuration.getRateLimitPeriod())),
                Duration.ofMillis(configuration.getTokenRenewMargin()), getComponent().getClock());
        caller = new AeronaSession.Caller(transport, configuration.getUsername(), configuration.getPassword(),
                getComponent().workerPool(), Duration.ofMillis(configuration.getRateLimitMaxWait()));
    }

    /** The consumers' memory of what was processed: the configured repository, or a fresh in-memory one. */
    IdempotentRepository idempotentRepository() {
        return configuration.getIdempotentRepository() != null
                ? configuration.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
    }

    /**
     * Adds the account's readiness check to the context's producers health check repository, as Camel's own
     * components do; one per account. (Polling consumers are covered by Camel's own consumer checks, which turn DOWN
     * when polls fail.)
     */
    void registerHealthCheck() {
        if (!(HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers")
                instanceof WritableHealthCheckRepository repository)) {
            return;
        }
        AeronaAccountHealthCheck check = new AeronaAccountHealthCheck(session, caller);
        check.setEnabled(getComponent().isHealthCheckProducerEnabled());
        boolean known = repository.stream().anyMatch(c -> c.getId().equals(check.getId()));
        if (!known) {
            repository.addHealthCheck(check);
        }
    }

    @ManagedAttribute(description = "The Aerona account (username at baseUrl)")
    public String getAccount() {
        return session == null ? null : session.account();
    }

    @ManagedAttribute(description = "Requests the account may still send in the current rate window (-1: unknown)")
    public int getRequestsLeft() {
        return session == null ? -1 : session.limiter().availablePermits();
    }

    @ManagedAttribute(description = "Milliseconds until the rate budget frees a slot (0: one is free; -1: unknown)")
    public long getMillisToNextSlot() {
        if (session != null && session.limiter() instanceof SlidingWindowRateLimiter window) {
            return window.timeToNextSlot().toMillis();
        }
        return -1;
    }

    @ManagedAttribute(description = "Calls waiting for a slot in the rate budget (-1: unknown)")
    public int getWaitingCalls() {
        if (session != null && session.limiter() instanceof SlidingWindowRateLimiter window) {
            return window.waiting();
        }
        return -1;
    }

    @ManagedAttribute(description = "Logins to Aerona by the account's shared session so far")
    public long getLogins() {
        return session == null ? 0 : session.logins();
    }

    @Override
    protected void doStop() throws Exception {
        if (session != null) {
            AeronaSessions.release(session);
            session = null;
        }
        if (transport != null) {
            transport.close();
            transport = null;
        }
        super.doStop();
    }

    public AeronaConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    public void setConfiguration(AeronaConfiguration configuration) {
        this.configuration = configuration;
    }

    AeronaSession session() {
        return session;
    }

    AeronaSession.Caller caller() {
        return caller;
    }
}
