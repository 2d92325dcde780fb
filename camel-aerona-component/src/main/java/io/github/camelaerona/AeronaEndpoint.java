package io.github.camelaerona;

import io.github.camelaerona.internal.operation.OperationSpecs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import io.github.camelaerona.internal.account.AccountKey;
import io.github.camelaerona.internal.account.AccountLease;
import io.github.camelaerona.internal.account.AccountSettings;
import io.github.camelaerona.internal.account.AeronaAccounts;
import io.github.camelaerona.internal.account.AccountRateLimiter;
import io.github.camelaerona.api.BudgetReport;
import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaAccountResolver;
import io.github.camelaerona.api.AeronaException;
import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.internal.SafeText;
import io.github.camelaerona.internal.consumer.AeronaPollingConsumer;
import io.github.camelaerona.internal.consumer.AeronaWebhookConsumer;
import io.github.camelaerona.internal.consumer.PollSettings;
import io.github.camelaerona.internal.consumer.PollSource;
import io.github.camelaerona.internal.consumer.WebhookSettings;
import io.github.camelaerona.api.AeronaOperation;
import io.github.camelaerona.internal.operation.AeronaParameter;
import io.github.camelaerona.internal.operation.CallObserver;
import io.github.camelaerona.internal.operation.OperationClient;
import io.github.camelaerona.internal.operation.OperationSpec;
import io.github.camelaerona.internal.operation.OperationSpec.Kind;
import io.github.camelaerona.internal.operation.ParameterResolver;
import io.github.camelaerona.internal.operation.RequestLines;
import io.github.camelaerona.internal.operation.ValueLookup;
import io.github.camelaerona.internal.operation.ValueRule;
import io.github.camelaerona.internal.transport.CallLimits;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
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
        implements AsyncEndpoint, EndpointServiceLocation {

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

    private volatile RequestLines requestLines;
    private AccountLease lease;
    /** The leases whose calls this endpoint reports to the account's meters. */
    private final Map<AccountLease, CallObserver> metered = new java.util.LinkedHashMap<>();
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
        return switch (OperationSpecs.of(operation).kind()) {
            case CALL, SEARCH -> new AeronaProducer(this);
            case WEBHOOK -> throw new IllegalArgumentException("aerona:" + operation + " can only be used in from(...)");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (OperationSpecs.of(operation).kind()) {
            case SEARCH -> new AeronaPollingConsumer(this, processor, pollSettings(), this::pollSources);
            case WEBHOOK -> new AeronaWebhookConsumer(this, processor, webhookSettings());
            case CALL -> throw new IllegalArgumentException("aerona:" + operation + " cannot start a route: poll with"
                    + " aerona:searchPayments or aerona:searchInvoices, or receive events with aerona:webhook");
        };
        configureConsumer(consumer);
        return consumer;
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
        for (OperationSpec.CrossRule rule : OperationSpecs.of(operation).uriRules()) {
            String[] problem = rule.problem(checked);
            if (problem != null) {
                throw new AeronaValidationException(operation.name(), problem[0], problem[1]);
            }
        }
        if (OperationSpecs.of(operation).kind() == Kind.SEARCH) {
            initialFromDate();
        }
        if (OperationSpecs.of(operation).kind() == Kind.WEBHOOK
                && configuration.getObjectType() == null) {
            throw new IllegalArgumentException("aerona:webhook needs objectType: Patient, Appointment or Treatment");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (OperationSpecs.of(operation).kind() == Kind.WEBHOOK) {
            return; // webhooks need no account
        }
        sslContext = configuration.getSslContextParameters() == null
                ? null : configuration.getSslContextParameters().createSSLContext(getCamelContext());
        if (configuration.getAccount() != null) {
            List<PollSource> named = new java.util.ArrayList<>();
            for (String name : accountNames()) {
                AccountLease each = leaseNamed(name, "account");
                namedLeases.add(each);
                named.add(new PollSource(name, new OperationClient(each, observe(each), configuration.readSettings())));
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
        client = lease == null ? null : new OperationClient(lease, namedLeases.contains(lease) ? metricsOf(lease)
                : observe(lease), configuration.readSettings());
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

    /** The account's meters for this endpoint's calls (see AccountMetrics), until the endpoint stops. */
    private CallObserver observe(AccountLease accountLease) {
        CallObserver observer = getComponent().accountMetrics().open(getCamelContext(), accountLease.account());
        metered.put(accountLease, observer);
        return observer;
    }

    private CallObserver metricsOf(AccountLease accountLease) {
        return metered.getOrDefault(accountLease, CallObserver.NONE);
    }

    @Override
    protected void doStop() throws Exception {
        for (AccountLease each : metered.keySet()) {
            getComponent().accountMetrics().close(each.account());
        }
        metered.clear();
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
        String journal = journalOf(key);
        AccountLease named = AeronaAccounts.lease(key, accountSettings(key, account.password(), journal), terms());
        if (field.equals(AeronaConstants.ACCOUNT)) {
            messageLeases.add(named);
        }
        return named;
    }

    /**
     * The journal of a resolver's account: the account's own (its key's), whatever name led to it, so two names of
     * one user and base URL keep one window in one file. The component's own account keeps the option's file.
     */
    private String journalOf(AccountKey key) {
        String journal = configuration.getBudgetJournal();
        if (journal == null || configuration.getUsername() != null
                && key.equals(new AccountKey(configuration.getBaseUrl(), configuration.getUsername()))) {
            return null;
        }
        String spelled = key.username() + "@" + java.net.URI.create(key.baseUrl()).getHost();
        return journal + "-" + spelled.replaceAll("[^A-Za-z0-9._@-]", "_") + "-"
                + Integer.toHexString(key.toString().hashCode());
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
        return configuration.accountSettings(key, password, sslContext, getComponent().getClock(), journal);
    }

    private PollSettings pollSettings() {
        return configuration.pollSettings(operation, initialFromDate(), zone(), getComponent().getClock(),
                AeronaEndpoint::defaultRepository, uriOptions(), requestLines());
    }

    private WebhookSettings webhookSettings() {
        return configuration.webhookSettings(AeronaEndpoint::defaultRepository);
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

    /** Calls of this priority waiting for a slot in the account's rate budget (-1: unknown). */
    public int getWaitingCalls(AeronaPriority priority) {
        return lease != null ? lease.account().waiting(priority) : -1;
    }

    @ManagedAttribute(description = "Where the account's rate budget went in its current window: requests by operation"
            + " and by route, logins, retries, waits, calls that gave up, requests saved, polls skipped")
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

    @ManagedAttribute(description = "Requests the account did without in its current rate window: reads that shared an"
            + " identical one in flight, reads answered by kept reference data")
    public int getSavedInWindow() {
        return lease == null ? 0 : lease.account().budgetReport().saved();
    }

    @ManagedAttribute(description = "Polls of the account skipped in its current rate window because the budget was busy")
    public int getPollsSkippedInWindow() {
        return lease == null ? 0 : lease.account().budgetReport().pollsSkipped();
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
