package io.github.camelaerona;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import io.github.camelaerona.account.AccountKey;
import io.github.camelaerona.account.AccountLease;
import io.github.camelaerona.account.AccountSettings;
import io.github.camelaerona.account.AeronaAccounts;
import io.github.camelaerona.account.AccountRateLimiter;
import io.github.camelaerona.account.BudgetReport;
import io.github.camelaerona.api.AeronaAccountResolver;
import io.github.camelaerona.api.AeronaException;
import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.api.SafeText;
import io.github.camelaerona.consumer.AeronaPollingConsumer;
import io.github.camelaerona.consumer.AeronaWebhookConsumer;
import io.github.camelaerona.consumer.AeronaWebhookHandler;
import io.github.camelaerona.consumer.PollSettings;
import io.github.camelaerona.consumer.PollSource;
import io.github.camelaerona.consumer.WebhookSettings;
import io.github.camelaerona.operation.AeronaOperation;
import io.github.camelaerona.operation.AeronaParameter;
import io.github.camelaerona.operation.OperationClient;
import io.github.camelaerona.operation.OperationSpec;
import io.github.camelaerona.operation.OperationSpec.Kind;
import io.github.camelaerona.operation.ParameterResolver;
import io.github.camelaerona.operation.RequestLines;
import io.github.camelaerona.operation.ValueLookup;
import io.github.camelaerona.operation.ValueRule;
import io.github.camelaerona.transport.CallLimits;
import io.github.camelaerona.transport.TransportSettings;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Aerona Clinic API: book appointments, read patients, payments and invoices. Login, token renewal and
 * throttling to Aerona's rate limit happen in the account the endpoint leases while it runs, shared by every
 * endpoint of the same account.
 */
@ManagedResource(description = "Aerona endpoint")
@UriEndpoint(firstVersion = "0.1.0", scheme = "aerona", title = "Aerona", syntax = "aerona:operation",
             category = { Category.API, Category.SAAS, Category.HEALTH }, headersClass = AeronaConstants.class)
public class AeronaEndpoint extends ScheduledPollEndpoint
        implements AsyncEndpoint, EndpointServiceLocation, WebhookCapableEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AeronaEndpoint.class);

    @UriPath(description = "The Aerona operation to call, or webhook to receive events")
    @Metadata(required = true)
    private AeronaOperation operation;
    @UriParam
    private AeronaConfiguration configuration;
    @UriParam
    private AeronaOperationParameters parameters = new AeronaOperationParameters();

    private static final int DEFAULT_REPOSITORY_SIZE = 10_000;
    private static final long DEFAULT_POLL_DELAY = 60_000L;

    // Camel's ScheduledPollEndpoint polls every 500 ms when delay is unset, whatever getDefaultDelay() says; the
    // endpoint therefore holds its own delay, and this declaration is what the generated metadata shows
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_POLL_DELAY, javaType = "java.time.Duration",
              description = "Milliseconds (or a duration such as 30s or 5m) before the next poll: one minute by default,"
                            + " 15 of Aerona's 300 requests per 15 minutes.")
    private long delay = DEFAULT_POLL_DELAY;

    private WebhookConfiguration webhookConfiguration;
    private volatile RequestLines requestLines;
    private AccountLease lease;
    private OperationClient client;
    /** The TLS settings, created once when the endpoint starts; every account it leases uses the same. */
    private SSLContext sslContext;
    /** Leases on the accounts the option account names, while the endpoint runs. */
    private final List<AccountLease> namedLeases = new java.util.ArrayList<>();
    private volatile List<PollSource> pollSources = List.of();
    /** Leases of calls that named their account, open until their reply is in. */
    private final java.util.Set<AccountLease> messageLeases = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public AeronaEndpoint(String uri, AeronaComponent component, AeronaConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        super.setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public long getDelay() {
        return delay;
    }

    /**
     * Milliseconds before the next poll: one minute by default, 15 of Aerona's 300 requests per 15 minutes.
     */
    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
    }

    @Override
    public AeronaComponent getComponent() {
        return (AeronaComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return switch (operation.spec().kind()) {
            case CALL, SEARCH -> new AeronaProducer(this);
            case WEBHOOK -> throw new IllegalArgumentException("aerona:" + operation + " can only be used in from(...)");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (operation.spec().kind()) {
            case SEARCH -> new AeronaPollingConsumer(this, processor, pollSettings(), this::pollSources);
            case WEBHOOK -> new AeronaWebhookConsumer(this, processor, webhookSettings());
            case CALL -> throw new IllegalArgumentException("aerona:" + operation + " cannot start a route: poll with"
                    + " aerona:searchPayments or aerona:searchInvoices, or receive events with aerona:webhook");
        };
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * For {@code webhook:aerona:webhook?objectType=...}: Camel's webhook component runs the HTTP side, starts and
     * stops the handler, and the handler answers each request as {@code from("aerona:webhook...")} does.
     */
    @Override
    public Processor createWebhookHandler(Processor next) {
        if (operation.spec().kind() != Kind.WEBHOOK) {
            throw new IllegalArgumentException("webhook:aerona needs aerona:webhook?objectType=Patient, Appointment or Treatment");
        }
        return AeronaWebhookHandler.behindCamelWebhook(webhookSettings(), this, next);
    }

    /** Aerona has no API to register webhooks: they are set up in Aerona's settings, so this only says where. */
    @Override
    public void registerWebhook() throws Exception {
        if (webhookConfiguration != null) {
            LOG.info("Aerona webhooks are set up in Aerona's own settings; point the {} webhook at {}",
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
        return DEFAULT_POLL_DELAY;
    }

    /** Fails early, when the endpoint is created, on settings and URI values that can never work. */
    void checkConfiguration() {
        ConfigurationCheck.check(configuration);
        // the same rules a message's values meet, so a bad URI fails at startup rather than at its first message
        Map<AeronaParameter, Object> checked = new java.util.EnumMap<>(AeronaParameter.class);
        for (Map.Entry<AeronaParameter, Object> value : parameters.values().entrySet()) {
            checked.put(value.getKey(), ParameterResolver.check(operation.name(), value.getKey().optionName(),
                    value.getKey().rule(), value.getValue()));
        }
        for (OperationSpec.CrossRule rule : operation.spec().uriRules()) {
            String[] problem = rule.problem(checked);
            if (problem != null) {
                throw new AeronaValidationException(operation.name(), problem[0], problem[1]);
            }
        }
        if (operation.spec().kind() == Kind.SEARCH) {
            initialFromDate();
        }
        if (operation.spec().kind() == Kind.WEBHOOK
                && configuration.getObjectType() == null) {
            throw new IllegalArgumentException("aerona:webhook needs objectType: Patient, Appointment or Treatment");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (operation.spec().kind() == Kind.WEBHOOK) {
            return; // webhooks need no account
        }
        sslContext = configuration.getSslContextParameters() == null
                ? null : configuration.getSslContextParameters().createSSLContext(getCamelContext());
        if (configuration.getAccount() != null) {
            List<PollSource> named = new java.util.ArrayList<>();
            for (String name : accountNames()) {
                AccountLease each = leaseNamed(name, "account");
                namedLeases.add(each);
                named.add(new PollSource(name, new OperationClient(each)));
            }
            lease = namedLeases.size() == 1 ? namedLeases.get(0) : null;
            pollSources = List.copyOf(named);
        } else if (configuration.getAccountResolver() == null || configuration.getUsername() != null
                || configuration.getPassword() != null) {
            ObjectHelper.notNull(configuration.getUsername(), "username (set it on the aerona component or the endpoint)");
            ObjectHelper.notNull(configuration.getPassword(), "password (set it on the aerona component or the endpoint)");
            AccountKey key = new AccountKey(configuration.getBaseUrl(), configuration.getUsername());
            lease = AeronaAccounts.lease(key, accountSettings(key, configuration.getPassword(), null), terms());
        }
        // else: no account of its own; each message names one (CamelAeronaAccount) for the accountResolver
        client = lease == null ? null : new OperationClient(lease);
        if (configuration.getAccount() == null) {
            pollSources = client == null ? List.of() : List.of(new PollSource(null, client));
        }
    }

    /**
     * The names of the option account: one for a producer, one or more (comma-separated) for a poller; each name
     * once, spaces around the commas dropped.
     */
    List<String> accountNames() {
        if (configuration.getAccount() == null) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        for (String name : configuration.getAccount().split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty() || names.contains(trimmed)) {
                throw new AeronaValidationException(operation.name(), "account", "must list each account once, without"
                        + " empty names, but is " + SafeText.quote(configuration.getAccount()));
            }
            names.add(trimmed);
        }
        return names;
    }

    /** The accounts a poller of this endpoint polls, once it started. */
    List<PollSource> pollSources() {
        return pollSources;
    }

    @Override
    protected void doStop() throws Exception {
        for (AccountLease each : List.copyOf(messageLeases)) {
            each.close();
        }
        for (AccountLease each : namedLeases) {
            each.close();
        }
        namedLeases.clear();
        pollSources = List.of();
        if (lease != null) {
            lease.close();
            lease = null;
            client = null;
        }
        super.doStop();
    }

    /**
     * A lease on the account the accountResolver gives for the name, for one message's call (the producer closes it
     * when the reply is in) or for the endpoint's whole run (option account).
     *
     * @param field the header or option that named the account, for the refusal
     */
    AccountLease leaseNamed(String name, String field) throws Exception {
        String operationName = operation.name();
        if (name.isBlank()) {
            throw new AeronaValidationException(operationName, field, "must name an account, but is blank");
        }
        AeronaAccountResolver resolver = configuration.getAccountResolver();
        if (resolver == null) {
            throw new AeronaValidationException(operationName, field, "names the account " + SafeText.quote(name)
                    + ", but the component has no accountResolver to look it up");
        }
        AeronaAccountResolver.Account account;
        try {
            account = resolver.resolve(name);
        } catch (Exception e) {
            throw new AeronaException("The accountResolver failed to give the Aerona account " + SafeText.quote(name)
                    + " for " + operationName + " (" + e.getClass().getName() + "); nothing was sent", e);
        }
        if (account == null) {
            throw new AeronaValidationException(operationName, field, "names no account the accountResolver knows: "
                    + SafeText.quote(name));
        }
        if (account.username() == null || account.username().isBlank() || account.password() == null) {
            throw new AeronaValidationException(operationName, field, "names the account " + SafeText.quote(name)
                    + ", for which the accountResolver gives no " + (account.password() == null ? "password" : "username"));
        }
        String baseUrl = account.baseUrl() == null ? configuration.getBaseUrl() : PipeValues.url(account.baseUrl());
        ConfigurationCheck.baseUrl(baseUrl);
        AccountKey key = new AccountKey(baseUrl, account.username());
        String journal = configuration.getBudgetJournal() == null ? null
                : configuration.getBudgetJournal() + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
        AccountLease named = AeronaAccounts.lease(key, accountSettings(key, account.password(), journal), terms());
        if (field.equals(AeronaConstants.ACCOUNT)) {
            messageLeases.add(named);
        }
        return named;
    }

    /** A message's lease is over: its call was answered or failed. */
    void messageDone(AccountLease named) {
        messageLeases.remove(named);
        named.close();
    }

    private AccountLease.Terms terms() {
        return new AccountLease.Terms(getComponent().workerPool(), Duration.ofMillis(configuration.getRateLimitMaxWait()),
                new CallLimits(Duration.ofMillis(configuration.getSocketTimeout()),
                        Duration.ofMillis(configuration.getCallTimeout()), configuration.getMaxReplySize()),
                org.apache.camel.util.URISupport.sanitizeUri(getEndpointUri()) + " (CamelContext "
                        + getCamelContext().getName() + ")");
    }

    /** @param journal the budget journal's file, or null for the option's own value */
    private AccountSettings accountSettings(AccountKey key, String password, String journal) {
        TransportSettings transport = new TransportSettings(key.baseUrl(),
                Duration.ofMillis(configuration.getConnectTimeout()), Duration.ofMillis(configuration.getSocketTimeout()),
                configuration.getMaxConnections(), sslContext, configuration.getProxyHost(),
                configuration.getProxyPort() == null ? 8080 : configuration.getProxyPort(),
                configuration.getHttpClientConfigurer(), configuration.getTokenHeader(),
                configuration.getSslContextParameters() == null ? null : configuration.getSslContextParameters().toString());
        String journalFile = journal != null ? journal : configuration.getBudgetJournal();
        AccountSettings.Budget budget = new AccountSettings.Budget(configuration.getRateLimiter(),
                configuration.isRateLimitEnabled(), configuration.getRateLimit(), Duration.ofMillis(configuration.getRateLimitPeriod()),
                configuration.getBudgetDataSource(), Duration.ofMillis(configuration.getCallTimeout()),
                configuration.getInteractiveReserve(), Duration.ofMillis(configuration.getRateLimitWaitWarning()),
                journalFile == null ? null : java.nio.file.Path.of(journalFile));
        return new AccountSettings(password, transport, budget,
                Duration.ofMillis(configuration.getTokenRenewMargin()), Duration.ofMillis(configuration.getLoginBackoff()),
                getComponent().getClock(),
                new AccountSettings.Login(configuration.getLoginPath(), configuration.getLoginUsernameField(),
                        configuration.getLoginPasswordField()));
    }

    private PollSettings pollSettings() {
        IdempotentRepository configured = configuration.getIdempotentRepository();
        return new PollSettings(operation, initialFromDate(), configuration.getLookbackDays(), zone(),
                getComponent().getClock(), configuration.isEmitUpdates(), configuration.isRawJson(),
                configured != null ? configured : defaultRepository(), configured == null, uriOptions(),
                configuration.getPriority() != null ? configuration.getPriority() : AeronaPriority.BACKGROUND,
                requestLines());
    }

    private WebhookSettings webhookSettings() {
        IdempotentRepository configured = configuration.getIdempotentRepository();
        return new WebhookSettings(configuration.getObjectType(), configuration.getWebhookPath(),
                configuration.getWebhookComponentName(), configuration.getWebhookSecret(),
                configuration.getWebhookMaxBodySize(), configured != null ? configured : defaultRepository(),
                configured == null);
    }

    /**
     * A consumer's memory of what was processed when none is configured: its own, in memory, the 10,000 most recent
     * keys. Camel's repository (which locks every access itself) over a LinkedHashMap kept in access order: Camel's
     * default LRU cache (SimpleLRUCache, unless camel-caffeine-lrucache is present) records every access for later
     * eviction, which was a sixth of the webhook handler's time per event.
     */
    private static IdempotentRepository defaultRepository() {
        Map<String, Object> recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > DEFAULT_REPOSITORY_SIZE;
            }
        };
        return MemoryIdempotentRepository.memoryIdempotentRepository(recent);
    }

    private LocalDate initialFromDate() {
        String value = configuration.getInitialFromDate();
        return value == null || value.isBlank() ? null
                : (LocalDate) ParameterResolver.check(operation.name(), "initialFromDate", ValueRule.DATE, value);
    }

    private ZoneId zone() {
        return ConfigurationCheck.zone(configuration.getTimeZone());
    }

    /** The method and path of each operation: the declared ones, corrected by requestOverrides. */
    RequestLines requestLines() {
        RequestLines lines = requestLines;
        if (lines == null) {
            lines = RequestLines.parse("requestOverrides", configuration.getRequestOverrides());
            requestLines = lines;
        }
        return lines;
    }

    /** The URI options of the operation's parameters, as the last of a request's value lookups. */
    ValueLookup uriOptions() {
        return ValueLookup.byParameter(parameters::value);
    }

    /**
     * Adds the account's readiness check to the context's producers health check repository, as Camel's own
     * components do; one per account. (Polling consumers are covered by Camel's own consumer checks, which turn DOWN
     * when polls fail.)
     */
    void registerHealthCheck() {
        if (lease == null) {
            return; // no account of its own: the accounts its messages name come and go
        }
        if (!(HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers")
                instanceof WritableHealthCheckRepository repository)) {
            return;
        }
        AeronaAccountHealthCheck check = new AeronaAccountHealthCheck(lease);
        check.setEnabled(getComponent().isHealthCheckProducerEnabled());
        boolean known = repository.stream().anyMatch(c -> c.getId().equals(check.getId()));
        if (!known) {
            repository.addHealthCheck(check);
        }
    }

    @ManagedAttribute(description = "The Aerona account (username at baseUrl)")
    public String getAccount() {
        return lease == null ? null : lease.account().key().toString();
    }

    @ManagedAttribute(description = "Requests the account may still send in the current rate window (-1: unknown)")
    public int getRequestsLeft() {
        return lease == null ? -1 : lease.account().limiter().availablePermits();
    }

    @ManagedAttribute(description = "Milliseconds until the rate budget frees a slot (0: one is free; -1: unknown)")
    public long getMillisToNextSlot() {
        if (lease != null && lease.account().limiter() instanceof AccountRateLimiter own) {
            Duration next = own.timeToNextSlot();
            return next == null ? -1 : next.toMillis();
        }
        return -1;
    }

    @ManagedAttribute(description = "Calls waiting for a slot in the rate budget (-1: unknown)")
    public int getWaitingCalls() {
        if (lease != null && lease.account().limiter() instanceof AccountRateLimiter own) {
            return own.waiting();
        }
        return -1;
    }

    @ManagedAttribute(description = "Where the account's rate budget went in its current window: requests by operation"
            + " and by route, logins, retries, waits, calls that gave up")
    public String getBudgetReport() {
        return lease == null ? null : lease.account().budgetReport().summary();
    }

    /** The account's budget report; null while the endpoint is stopped. */
    public BudgetReport budgetReport() {
        return lease == null ? null : lease.account().budgetReport();
    }

    @ManagedAttribute(description = "Requests of the account in its current rate window, logins and retries included")
    public int getRequestsInWindow() {
        return lease == null ? 0 : lease.account().budgetReport().requests();
    }

    @ManagedAttribute(description = "Calls of the account that waited for a slot in its current rate window")
    public int getCallsWaitedInWindow() {
        return lease == null ? 0 : lease.account().budgetReport().waited();
    }

    @ManagedAttribute(description = "The longest wait for a slot in the account's current rate window, in milliseconds")
    public long getLongestWaitMillis() {
        return lease == null ? 0 : lease.account().budgetReport().longestWait().toMillis();
    }

    @ManagedAttribute(description = "Calls of the account that gave up at rateLimitMaxWait in its current rate window")
    public int getGaveUpInWindow() {
        return lease == null ? 0 : lease.account().budgetReport().gaveUp();
    }

    @ManagedAttribute(description = "Logins to Aerona by the account's shared session so far")
    public long getLogins() {
        return lease == null ? 0 : lease.account().logins();
    }

    public AeronaOperation getOperation() {
        return operation;
    }

    public void setOperation(AeronaOperation operation) {
        this.operation = operation;
    }

    public AeronaConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AeronaConfiguration configuration) {
        this.configuration = configuration;
    }

    public AeronaOperationParameters getParameters() {
        return parameters;
    }

    public void setParameters(AeronaOperationParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    /** Fails this endpoint's calls that wait for the rate budget, unsent. */
    void failWaitingCalls(String why) {
        AccountLease current = lease;
        if (current != null) {
            current.failWaiting(why);
        }
    }

    /** The way calls reach Aerona while the endpoint runs. */
    OperationClient client() {
        return client;
    }

    /** The endpoint's lease on its account while it runs; for health checks and tests. */
    AccountLease lease() {
        return lease;
    }
}
