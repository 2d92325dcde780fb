package io.github.camelaerona.springboot;

import java.time.Duration;

import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.model.AeronaWebhookObjectType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The aerona component's options under {@code camel.component.aerona}: every option of the component, with the
 * component's description and default, plus the starter's own {@code enabled} and {@code shared-budget}. Bean
 * options take a reference to a bean ({@code #name}). StarterCompletenessTest fails when the component gains an
 * option this class lacks, or when a description or default here drifts from the component's metadata.
 */
@ConfigurationProperties(prefix = "camel.component.aerona")
public class AeronaComponentConfiguration {

    /**
     * Whether to auto-configure the aerona component.
     */
    private boolean enabled = true;
    /**
     * Keep the account's rate budget in the application's DataSource (table aerona_budget_slot, created when
     * missing), so every instance of the application that uses the same database shares one budget.
     */
    private boolean sharedBudget = false;
    /**
     * The root of the Aerona API. Plain http:// is refused unless the host is loopback (the sandbox, tests).
     */
    private String baseUrl = "https://aeronadental.com/AeronaAPI/v1";
    /**
     * The defaults of every endpoint of this component. A reference to a bean of type
     * io.github.camelaerona.AeronaConfiguration in the registry, such as #myBean.
     */
    private String configuration;
    /**
     * How urgent this endpoint's calls are for the account's rate budget: interactive (someone waits for the
     * answer), normal, or background (batch work). Waiting calls are granted highest priority first; background
     * calls never take the last interactiveReserve slots. Unset: normal for producers, background for polling
     * consumers. The header CamelAeronaPriority overrides it per message.
     */
    private AeronaPriority priority;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Polling consumer: emit a record again when its content changed (keyed by id and content) instead of once per
     * id.
     */
    private Boolean emitUpdates = false;
    /**
     * Consumers: where the keys of records and webhook events already processed are kept. Default: an in-memory
     * repository per consumer; use a file, JDBC or other persistent one to remember across restarts, or a clustered
     * one to share between instances. A reference to a bean of type org.apache.camel.spi.IdempotentRepository in the
     * registry, such as #myBean.
     */
    private String idempotentRepository;
    /**
     * Polling consumer: the first day (yyyy-MM-dd) the first poll asks for. Default: today in timeZone.
     */
    private String initialFromDate;
    /**
     * Polling consumer: each later poll asks from this many days before the newest record date delivered, so records
     * Aerona files late are still found (the idempotent repository drops those already emitted).
     */
    private Integer lookbackDays = 1;
    /**
     * Webhook consumer: the type of object the webhook is for: Patient, Appointment or Treatment.
     */
    private AeronaWebhookObjectType objectType;
    /**
     * Polling consumer: the time zone (such as Europe/London) in which today and record dates are taken. Default:
     * the JVM's zone.
     */
    private String timeZone;
    /**
     * Webhook consumer: the Camel HTTP consumer component (a RestConsumerFactory) that receives the webhooks, such
     * as platform-http (the runtime's own HTTP server), netty-http, jetty or undertow.
     */
    private String webhookComponentName = "platform-http";
    /**
     * Webhook consumer: the largest request body accepted, in bytes; larger ones get 413.
     */
    private Long webhookMaxBodySize = 1048576L;
    /**
     * Webhook consumer: the path to listen on. Default: /aerona/ and the object type in lower case
     * (/aerona/appointment).
     */
    private String webhookPath;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Return Aerona's reply as a JSON String instead of model objects.
     */
    private Boolean rawJson = false;
    /**
     * Throw AeronaApiException when Aerona answers with a failure. When false, the reply body becomes the message
     * body and its status is in the CamelAeronaResponseCode header.
     */
    private Boolean throwExceptionOnFailure = true;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * A database (PostgreSQL; MySQL/MariaDB and SQL Server untested) in which every instance of an integration keeps
     * the account's one rate budget, so several JVMs together never exceed rateLimit. The tables aerona_budget_slot
     * and aerona_budget_clock are created when missing. Times come from the database's clock, with steps of it (up to
     * an hour either way) taken out; a slot of an instance that died comes back
     * callTimeout plus rateLimitPeriod after it was taken. When the database is down, calls wait (up to
     * rateLimitMaxWait) and are never sent without a slot. A reference to a bean of type javax.sql.DataSource in the
     * registry, such as #myBean.
     */
    private String budgetDataSource;
    /**
     * The longest one request may take from sending to the last byte of its reply, the login too; socketTimeout only
     * bounds each read, so a reply that drips in slowly is stopped here. Over it the call fails and nothing is
     * retried.
     */
    private Duration callTimeout = Duration.ofMinutes(2);
    /**
     * Where the component reads now and today: the polling windows, initialFromDate's default and the token's hour.
     * The system clock unless a test gives another (a pinned Clock). A reference to a bean of type java.time.Clock
     * in the registry, such as #myBean.
     */
    private String clock;
    /**
     * Timeout to establish a connection to Aerona.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /**
     * A camel-http HttpClientConfigurer to adjust the Apache HttpClient 5 builder after the component's own settings
     * (the same bean can serve http: endpoints). It must leave automatic retries off. A reference to a bean of type
     * org.apache.camel.component.http.HttpClientConfigurer in the registry, such as #myBean.
     */
    private String httpClientConfigurer;
    /**
     * Slots of the rate window that background calls leave free, so an interactive call finds one at once. The
     * default, 10 of 300, is three bookings' worth (find slots, book, confirm); at most rateLimit - 1 applies.
     */
    private Integer interactiveReserve = 10;
    /**
     * Most connections kept open to one Aerona host, shared by every account with the same connection settings
     * (timeouts, TLS, proxy, configurer): the token travels in a header, so many clinics' accounts share sockets.
     */
    private Integer maxConnections = 20;
    /**
     * The largest reply body read, in bytes (default 32 MiB); a larger one fails the call with an AeronaApiException
     * instead of filling the memory.
     */
    private Long maxReplySize = 33554432L;
    /**
     * Requests allowed per rateLimitPeriod for the account, logins included (Aerona allows 300 per 15 minutes and
     * invalidates the token of a caller that goes over). Endpoints of one account share one budget; when they ask
     * for different limits the strictest applies. It must be 1 or more: throttling is turned off only by
     * rateLimitEnabled=false, never by a value.
     */
    private Integer rateLimit = 300;
    /**
     * Whether calls wait for the account's rate budget. Only for benchmarks and accounts on special terms: Aerona
     * invalidates the token of a caller that goes over its limit.
     */
    private Boolean rateLimitEnabled = true;
    /**
     * A rate limiter bean that replaces the built-in one, such as one backed by a shared store so several JVMs share
     * one account's budget. A reference to a bean of type io.github.camelaerona.api.AeronaRateLimiter in the
     * registry, such as #myBean.
     */
    private String rateLimiter;
    /**
     * The name of the account to use, given by the accountResolver, instead of username and password; a message's
     * CamelAeronaAccount header overrides it for that message. A poller takes a comma-separated list and polls each
     * account with its own cursor and idempotent keys (prefixed with the name). Names only: the resolver holds the
     * credentials.
     */
    private String account;
    /**
     * A bean that gives an account's base URL, username and password by name, so one route can serve many clinics:
     * the header CamelAeronaAccount or the option account names the account per message or endpoint. Every other
     * setting (TLS, timeouts, the budget's options) comes from the endpoint's configuration. A reference to a bean
     * of type io.github.camelaerona.api.AeronaAccountResolver in the registry, such as #myBean.
     */
    private String accountResolver;
    /**
     * How long a call may wait for a free slot in the rate budget before it fails with AeronaRateLimitException.
     * Waiting holds no thread.
     */
    private Duration rateLimitMaxWait = Duration.ofMinutes(15);
    /**
     * The window of the rate limit. A request's slot frees up this long after its response arrived.
     */
    private Duration rateLimitPeriod = Duration.ofMinutes(15);
    /**
     * A call that waited longer than this for the rate budget is logged as a warning, at most once per window.
     */
    private Duration rateLimitWaitWarning = Duration.ofMinutes(1);
    /**
     * Timeout waiting for data from Aerona (also the response timeout).
     */
    private Duration socketTimeout = Duration.ofSeconds(60);
    /**
     * How long before the token's hour is up the component logs in again.
     */
    private Duration tokenRenewMargin = Duration.ofMinutes(5);
    /**
     * After a refused login (any non-2xx answer, or a 2xx without the token), how long the account attempts no new
     * login; it doubles with each further refusal, up to rateLimitPeriod, and a login that succeeds resets it. Calls
     * meanwhile fail at once with the last login's exception, unsent. 0 turns the backoff off.
     */
    private Duration loginBackoff = Duration.ofMinutes(1);
    /**
     * A file in which the in-JVM budget keeps its current window (when each held slot is free again, nothing else),
     * so that a JVM that starts again on the account resumes that window instead of a fresh one. For one process
     * at a time (restarts); processes that can run at once (replicas, a rolling update) need budgetDataSource.
     * Each account needs a file of its own.
     */
    private String budgetJournal;
    /**
     * Used for enabling or disabling the account readiness check of aerona producers
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * HTTP proxy host to reach Aerona through.
     */
    private String proxyHost;
    /**
     * HTTP proxy port.
     */
    private Integer proxyPort;
    /**
     * The Aerona API user's password. Set it on the component so it need not appear in URIs; it never appears in
     * logs or exception messages.
     */
    private String password;
    /**
     * TLS settings (trust store, protocols) for the connection to Aerona. A reference to a bean of type
     * org.apache.camel.support.jsse.SSLContextParameters in the registry, such as #myBean.
     */
    private String sslContextParameters;
    /**
     * The Aerona API user. It is the account's identity, not a secret: health checks, JMX, the dev console and error
     * messages name the account as username at baseUrl. Only the password is secret.
     */
    private String username;
    /**
     * Webhook consumer: a secret every webhook request must carry, as the query parameter secret or the header
     * X-Aerona-Webhook-Secret; requests without it get 401. Put it in the URL you register with Aerona.
     */
    private String webhookSecret;
    /**
     * The path below baseUrl that logins are POSTed to. Inferred (Aerona's page does not show it): correct it here
     * if the real API differs.
     */
    private String loginPath = "/login";
    /**
     * The JSON field of the login body that carries the username. Inferred: correct it here if the real API differs.
     */
    private String loginUsernameField = "username";
    /**
     * The JSON field of the login body that carries the password. Inferred: correct it here if the real API differs.
     */
    private String loginPasswordField = "password";
    /**
     * The HTTP header the token comes back in after a login and goes out in on every other request. Inferred:
     * correct it here if the real API differs.
     */
    private String tokenHeader = "AERONA-AUTH-TOKEN";
    /**
     * Corrects the method and path of operations, as operation=METHOD /path entries separated by commas, such as
     * getPractices=GET /practice-list or updateAppointmentStatus=POST /appointments/{appointmentId}/status. The
     * paths of createAppointment, updateAppointmentStatus and getPractices are inferred; a path must name exactly
     * the operation's path parameters in braces. Checked when the endpoint is created.
     */
    private String requestOverrides;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isSharedBudget() {
        return sharedBudget;
    }

    public void setSharedBudget(boolean sharedBudget) {
        this.sharedBudget = sharedBudget;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getConfiguration() {
        return configuration;
    }

    public void setConfiguration(String configuration) {
        this.configuration = configuration;
    }

    public AeronaPriority getPriority() {
        return priority;
    }

    public void setPriority(AeronaPriority priority) {
        this.priority = priority;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getEmitUpdates() {
        return emitUpdates;
    }

    public void setEmitUpdates(Boolean emitUpdates) {
        this.emitUpdates = emitUpdates;
    }

    public String getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(String idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getInitialFromDate() {
        return initialFromDate;
    }

    public void setInitialFromDate(String initialFromDate) {
        this.initialFromDate = initialFromDate;
    }

    public Integer getLookbackDays() {
        return lookbackDays;
    }

    public void setLookbackDays(Integer lookbackDays) {
        this.lookbackDays = lookbackDays;
    }

    public AeronaWebhookObjectType getObjectType() {
        return objectType;
    }

    public void setObjectType(AeronaWebhookObjectType objectType) {
        this.objectType = objectType;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getWebhookComponentName() {
        return webhookComponentName;
    }

    public void setWebhookComponentName(String webhookComponentName) {
        this.webhookComponentName = webhookComponentName;
    }

    public Long getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    public void setWebhookMaxBodySize(Long webhookMaxBodySize) {
        this.webhookMaxBodySize = webhookMaxBodySize;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getRawJson() {
        return rawJson;
    }

    public void setRawJson(Boolean rawJson) {
        this.rawJson = rawJson;
    }

    public Boolean getThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(Boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBudgetDataSource() {
        return budgetDataSource;
    }

    public void setBudgetDataSource(String budgetDataSource) {
        this.budgetDataSource = budgetDataSource;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public String getClock() {
        return clock;
    }

    public void setClock(String clock) {
        this.clock = clock;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(String httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public Integer getInteractiveReserve() {
        return interactiveReserve;
    }

    public void setInteractiveReserve(Integer interactiveReserve) {
        this.interactiveReserve = interactiveReserve;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Long getMaxReplySize() {
        return maxReplySize;
    }

    public void setMaxReplySize(Long maxReplySize) {
        this.maxReplySize = maxReplySize;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Boolean getRateLimitEnabled() {
        return rateLimitEnabled;
    }

    public void setRateLimitEnabled(Boolean rateLimitEnabled) {
        this.rateLimitEnabled = rateLimitEnabled;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getAccountResolver() {
        return accountResolver;
    }

    public void setAccountResolver(String accountResolver) {
        this.accountResolver = accountResolver;
    }

    public String getRateLimiter() {
        return rateLimiter;
    }

    public void setRateLimiter(String rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public Duration getRateLimitMaxWait() {
        return rateLimitMaxWait;
    }

    public void setRateLimitMaxWait(Duration rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

    public Duration getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    public void setRateLimitPeriod(Duration rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public Duration getRateLimitWaitWarning() {
        return rateLimitWaitWarning;
    }

    public void setRateLimitWaitWarning(Duration rateLimitWaitWarning) {
        this.rateLimitWaitWarning = rateLimitWaitWarning;
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public Duration getTokenRenewMargin() {
        return tokenRenewMargin;
    }

    public void setTokenRenewMargin(Duration tokenRenewMargin) {
        this.tokenRenewMargin = tokenRenewMargin;
    }

    public String getBudgetJournal() {
        return budgetJournal;
    }

    public void setBudgetJournal(String budgetJournal) {
        this.budgetJournal = budgetJournal;
    }

    public Duration getLoginBackoff() {
        return loginBackoff;
    }

    public void setLoginBackoff(Duration loginBackoff) {
        this.loginBackoff = loginBackoff;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getLoginPath() {
        return loginPath;
    }

    public void setLoginPath(String loginPath) {
        this.loginPath = loginPath;
    }

    public String getLoginUsernameField() {
        return loginUsernameField;
    }

    public void setLoginUsernameField(String loginUsernameField) {
        this.loginUsernameField = loginUsernameField;
    }

    public String getLoginPasswordField() {
        return loginPasswordField;
    }

    public void setLoginPasswordField(String loginPasswordField) {
        this.loginPasswordField = loginPasswordField;
    }

    public String getTokenHeader() {
        return tokenHeader;
    }

    public void setTokenHeader(String tokenHeader) {
        this.tokenHeader = tokenHeader;
    }

    public String getRequestOverrides() {
        return requestOverrides;
    }

    public void setRequestOverrides(String requestOverrides) {
        this.requestOverrides = requestOverrides;
    }
}
