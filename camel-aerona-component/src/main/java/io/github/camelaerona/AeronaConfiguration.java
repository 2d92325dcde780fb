package io.github.camelaerona;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.sql.DataSource;

import io.github.camelaerona.ConfigurationCheck.AtLeast;
import io.github.camelaerona.ConfigurationCheck.Matches;
import io.github.camelaerona.ConfigurationCheck.Positive;
import io.github.camelaerona.api.AeronaOperation;
import io.github.camelaerona.internal.account.AccountKey;
import io.github.camelaerona.internal.account.AccountSettings;
import io.github.camelaerona.internal.consumer.PollSettings;
import io.github.camelaerona.internal.consumer.WebhookSettings;
import io.github.camelaerona.internal.operation.ReadSettings;
import io.github.camelaerona.internal.operation.RequestLines;
import io.github.camelaerona.internal.operation.ValueLookup;
import io.github.camelaerona.internal.transport.TransportSettings;
import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaAccountResolver;
import io.github.camelaerona.api.AeronaRateLimiter;
import io.github.camelaerona.model.AeronaWebhookObjectType;
import io.github.camelaerona.internal.transport.AeronaHttpTransport;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The settings of Aerona endpoints that make sense for a whole component: the account (baseUrl, username,
 * password), the transport, the rate budget and the consumers' settings. Set them once on the component; each
 * endpoint starts from a copy and may override them in its URI. The operations' parameters are not here: they are
 * per endpoint ({@link AeronaOperationParameters}).
 */
@UriParams
public class AeronaConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://aeronadental.com/AeronaAPI/v1";


    @UriParam(defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "security")
    private String username;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(label = "security")
    private String account;
    @UriParam(label = "security")
    private AeronaAccountResolver accountResolver;


    @UriParam(label = "common", defaultValue = "false")
    private boolean rawJson;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean throwExceptionOnFailure = true;

    @UriParam(label = "consumer")
    private String initialFromDate;
    @UriParam(label = "consumer", defaultValue = "1")
    @AtLeast(value = 0, allowed = "a whole number of days, 0 or more")
    private int lookbackDays = 1;
    @UriParam(label = "consumer")
    private String timeZone;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean emitUpdates;
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer")
    private AeronaWebhookObjectType objectType;
    @UriParam(label = "consumer")
    private String webhookPath;
    @UriParam(label = "consumer", defaultValue = "platform-http")
    private String webhookComponentName = "platform-http";
    @UriParam(label = "consumer,security", secret = true)
    private String webhookSecret;
    @UriParam(label = "consumer", defaultValue = "1048576")
    @AtLeast(value = 1, allowed = "a number of bytes of 1 or more")
    private long webhookMaxBodySize = 1024 * 1024;

    @UriParam(label = "advanced", defaultValue = "true")
    private boolean rateLimitEnabled = true;
    @UriParam(label = "advanced", defaultValue = "300")
    @AtLeast(value = 1, allowed = "a whole number of 1 or more (Aerona allows 300);"
            + " throttling is turned off only by rateLimitEnabled=false")
    private int rateLimit = 300;
    @UriParam(label = "advanced", defaultValue = "15m", javaType = "java.time.Duration")
    @Positive
    private long rateLimitPeriod = 15 * 60_000L;
    @UriParam(label = "advanced", defaultValue = "15m", javaType = "java.time.Duration")
    @AtLeast(value = 0, allowed = "0 (fail at once) or more")
    private long rateLimitMaxWait = 15 * 60_000L;
    @UriParam(label = "advanced")
    private AeronaRateLimiter rateLimiter;
    @UriParam(label = "advanced")
    private DataSource budgetDataSource;
    @UriParam(label = "advanced")
    private String budgetJournal;
    @UriParam(enums = "interactive,normal,background")
    private AeronaPriority priority;
    @UriParam(defaultValue = "true")
    private boolean coalesceReads = true;
    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration")
    @AtLeast(value = 0, allowed = "0 (keep none) or more")
    private long referenceDataTtl;
    @UriParam(label = "advanced", defaultValue = "10")
    @AtLeast(value = 0, allowed = "a whole number of 0 or more")
    private int interactiveReserve = AccountSettings.Budget.DEFAULT_INTERACTIVE_RESERVE;
    @UriParam(label = "advanced", defaultValue = "1m", javaType = "java.time.Duration")
    @Positive
    private long rateLimitWaitWarning = AccountSettings.Budget.DEFAULT_WAIT_WARNING.toMillis();
    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration")
    private long tokenRenewMargin = 5 * 60_000L;
    @UriParam(label = "advanced", defaultValue = "1m", javaType = "java.time.Duration")
    @AtLeast(value = 0, allowed = "0 (no backoff) or more")
    private long loginBackoff = 60_000L;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration")
    @Positive
    private long connectTimeout = 10_000L;
    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration")
    @Positive
    private long socketTimeout = 60_000L;
    @UriParam(label = "advanced", defaultValue = "2m", javaType = "java.time.Duration")
    @Positive
    private long callTimeout = 120_000L;
    @UriParam(label = "advanced", defaultValue = "33554432")
    @AtLeast(value = 1, allowed = "a number of bytes of 1 or more")
    private long maxReplySize = 32L * 1024 * 1024;
    @UriParam(label = "advanced", defaultValue = "20")
    @AtLeast(value = 1, allowed = "a whole number of 1 or more")
    private int maxConnections = 20;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "advanced")
    private HttpClientConfigurer httpClientConfigurer;

    @UriParam(label = "advanced", defaultValue = "/login")
    private String loginPath = AccountSettings.Login.INFERRED.loginPath();
    @UriParam(label = "advanced", defaultValue = "username")
    private String loginUsernameField = AccountSettings.Login.INFERRED.loginUsernameField();
    @UriParam(label = "advanced", defaultValue = "password")
    private String loginPasswordField = AccountSettings.Login.INFERRED.loginPasswordField();
    @UriParam(label = "advanced", defaultValue = AeronaHttpTransport.TOKEN_HEADER)
    @Matches(value = "[A-Za-z0-9!#$%&'*+.^_`|~-]+", allowed = "an HTTP header name, such as AERONA-AUTH-TOKEN")
    private String tokenHeader = AeronaHttpTransport.TOKEN_HEADER;
    @UriParam(label = "advanced", defaultValue = AeronaHttpTransport.USER_AGENT)
    @Matches(value = "[\\x21-\\x7E]([\\x20-\\x7E]{0,254}[\\x21-\\x7E])?",
             allowed = "printable ASCII text of up to 256 characters, such as clinic-sync/2.1")
    private String userAgent = AeronaHttpTransport.USER_AGENT;
    @UriParam(label = "advanced")
    private String requestOverrides;

    /*
     * The settings records of the layers below, built from these options: a new option is passed on here, to the
     * record of the layer that uses it, and nowhere else in this package.
     */

    /** @param journal the budget journal's file, or null for the option's own value */
    AccountSettings accountSettings(AccountKey key, String password, SSLContext sslContext, Clock clock, String journal) {
        TransportSettings transport = new TransportSettings(key.baseUrl(), Duration.ofMillis(connectTimeout),
                Duration.ofMillis(socketTimeout), maxConnections, sslContext, proxyHost,
                proxyPort == null ? 8080 : proxyPort, httpClientConfigurer, tokenHeader,
                sslContextParameters == null ? null : sslContextParameters.toString(), userAgent);
        String journalFile = journal != null ? journal : budgetJournal;
        AccountSettings.Budget budget = new AccountSettings.Budget(rateLimiter, rateLimitEnabled, rateLimit,
                Duration.ofMillis(rateLimitPeriod), budgetDataSource, Duration.ofMillis(callTimeout), interactiveReserve,
                Duration.ofMillis(rateLimitWaitWarning), journalFile == null ? null : Path.of(journalFile));
        return new AccountSettings(password, transport, budget, Duration.ofMillis(tokenRenewMargin),
                Duration.ofMillis(loginBackoff), clock,
                new AccountSettings.Login(loginPath, loginUsernameField, loginPasswordField));
    }

    ReadSettings readSettings() {
        return new ReadSettings(coalesceReads, Duration.ofMillis(referenceDataTtl));
    }

    /** @param defaultRepository the consumer's own memory, used unless idempotentRepository is set */
    PollSettings pollSettings(AeronaOperation operation, LocalDate initialFrom, ZoneId zone, Clock clock,
            Supplier<IdempotentRepository> defaultRepository, ValueLookup uriOptions, RequestLines requestLines) {
        return new PollSettings(operation, initialFrom, lookbackDays, zone, clock, emitUpdates, rawJson,
                idempotentRepository != null ? idempotentRepository : defaultRepository.get(), idempotentRepository == null,
                uriOptions, priority != null ? priority : AeronaPriority.BACKGROUND, requestLines);
    }

    /** @param defaultRepository the consumer's own memory, used unless idempotentRepository is set */
    WebhookSettings webhookSettings(Supplier<IdempotentRepository> defaultRepository) {
        return new WebhookSettings(objectType, webhookPath, webhookComponentName, webhookSecret, webhookMaxBodySize,
                idempotentRepository != null ? idempotentRepository : defaultRepository.get(), idempotentRepository == null);
    }

    /** A copy for one endpoint. */
    public AeronaConfiguration copy() {
        try {
            return (AeronaConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The root of the Aerona API. Plain http:// is refused unless the host is loopback (the sandbox, tests).
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = PipeValues.url(baseUrl);
    }

    public String getUsername() {
        return username;
    }

    /**
     * The Aerona API user. It is the account's identity, not a secret: health checks, JMX, the dev console and error
     * messages name the account as username at baseUrl. Only the password is secret.
     */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public String getAccount() {
        return account;
    }

    /**
     * The name of the account to use, given by the accountResolver, instead of username and password; a message's
     * CamelAeronaAccount header overrides it for that message. A poller takes a comma-separated list and polls each
     * account with its own cursor and idempotent keys (prefixed with the name). Names only: the resolver holds the
     * credentials.
     */
    public void setAccount(String account) {
        this.account = account;
    }

    public AeronaAccountResolver getAccountResolver() {
        return accountResolver;
    }

    /**
     * A bean that gives an account's base URL, username and password by name, so one route can serve many clinics:
     * the header CamelAeronaAccount or the option account names the account per message or endpoint. Every other
     * setting (TLS, timeouts, the budget's options) comes from the endpoint's configuration.
     */
    public void setAccountResolver(AeronaAccountResolver accountResolver) {
        this.accountResolver = accountResolver;
    }

    /**
     * The Aerona API user's password. Set it on the component so it need not appear in URIs; it never appears in logs or exception messages.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isRawJson() {
        return rawJson;
    }

    /**
     * Return Aerona's reply as a JSON String instead of model objects; on a polling consumer, each record as its
     * JSON text.
     */
    public void setRawJson(boolean rawJson) {
        this.rawJson = rawJson;
    }

    public boolean isThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    /**
     * Throw AeronaApiException when Aerona answers with a failure. When false, the reply body becomes the message body and its status is in the CamelAeronaResponseCode header.
     */
    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public int getRateLimit() {
        return rateLimit;
    }

    /**
     * Requests allowed per rateLimitPeriod for the account, logins included (Aerona allows 300 per 15 minutes and invalidates the token of a caller that goes over). Endpoints of one account share one budget; when they ask for different limits the strictest applies. It must be 1 or more: throttling is turned off only by rateLimitEnabled=false, never by a value.
     */
    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    public boolean isRateLimitEnabled() {
        return rateLimitEnabled;
    }

    /**
     * Whether calls wait for the account's rate budget. Only for benchmarks and accounts on special terms: Aerona
     * invalidates the token of a caller that goes over its limit.
     */
    public void setRateLimitEnabled(boolean rateLimitEnabled) {
        this.rateLimitEnabled = rateLimitEnabled;
    }

    public long getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    /**
     * The window of the rate limit. A request's slot frees up this long after its response arrived.
     */
    public void setRateLimitPeriod(long rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public long getRateLimitMaxWait() {
        return rateLimitMaxWait;
    }

    /**
     * How long a call may wait for a free slot in the rate budget before it fails with AeronaRateLimitException. Waiting holds no thread.
     */
    public void setRateLimitMaxWait(long rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

    public AeronaPriority getPriority() {
        return priority;
    }

    /**
     * How urgent this endpoint's calls are for the account's rate budget: interactive (someone waits for the answer),
     * normal, or background (batch work). Waiting calls are granted highest priority first; background calls never
     * take the last interactiveReserve slots. Unset: normal for producers, background for polling consumers. The
     * header CamelAeronaPriority overrides it per message.
     */
    public void setPriority(AeronaPriority priority) {
        this.priority = priority;
    }

    public boolean isCoalesceReads() {
        return coalesceReads;
    }

    /**
     * Whether identical reads in flight at the same time on one account (the same operation with the same checked
     * parameters, from any endpoint of the account that coalesces) share one request: each exchange gets its own
     * copy of the reply and its own headers, and the same failure if the request fails. A read never joins one of
     * lower priority. Writes (createAppointment, updateAppointmentStatus) are never shared.
     */
    public void setCoalesceReads(boolean coalesceReads) {
        this.coalesceReads = coalesceReads;
    }

    public long getReferenceDataTtl() {
        return referenceDataTtl;
    }

    /**
     * How long replies of getPractices, getClinicians and getAppointmentTypes are kept and reused, per account and
     * parameters; 0 (the default) keeps none. A practice's new clinician, appointment type or change to either can
     * stay unseen for this long. The header CamelAeronaRefresh=true asks Aerona anyway and keeps the new reply; the
     * reply headers CamelAeronaFromCache and CamelAeronaCacheAge say where a reply came from.
     */
    public void setReferenceDataTtl(long referenceDataTtl) {
        this.referenceDataTtl = referenceDataTtl;
    }

    public int getInteractiveReserve() {
        return interactiveReserve;
    }

    /**
     * Slots of the rate window that background calls leave free, so an interactive call finds one at once. The
     * default, 10 of 300, is three bookings' worth (find slots, book, confirm); at most rateLimit - 1 applies.
     */
    public void setInteractiveReserve(int interactiveReserve) {
        this.interactiveReserve = interactiveReserve;
    }

    public long getRateLimitWaitWarning() {
        return rateLimitWaitWarning;
    }

    /** A call that waited longer than this for the rate budget is logged as a warning, at most once per window. */
    public void setRateLimitWaitWarning(long rateLimitWaitWarning) {
        this.rateLimitWaitWarning = rateLimitWaitWarning;
    }

    public DataSource getBudgetDataSource() {
        return budgetDataSource;
    }

    /**
     * A PostgreSQL database in which every instance of an integration keeps
     * the account's one rate budget, so several JVMs together never exceed rateLimit. The tables aerona_budget_slot
     * and aerona_budget_clock are created when missing. Times come from the database's clock, with steps of it (up to
     * an hour either way) taken out; a slot of an instance that died comes back
     * callTimeout plus rateLimitPeriod after it was taken. When the database is down, calls wait (up to
     * rateLimitMaxWait) and are never sent without a slot.
     */
    public void setBudgetDataSource(DataSource budgetDataSource) {
        this.budgetDataSource = budgetDataSource;
    }

    public String getBudgetJournal() {
        return budgetJournal;
    }

    /**
     * A file in which the in-JVM budget keeps its current window (when each held slot is free again, nothing else),
     * so that a JVM that starts again on the account resumes that window instead of a fresh one. For one process
     * at a time (restarts); processes that can run at once (replicas, a rolling update) need budgetDataSource.
     * Each account needs a file of its own.
     */
    public void setBudgetJournal(String budgetJournal) {
        this.budgetJournal = budgetJournal;
    }

    public AeronaRateLimiter getRateLimiter() {
        return rateLimiter;
    }

    /**
     * A rate limiter bean that replaces the built-in one, such as one backed by a shared store so several JVMs share one account's budget.
     */
    public void setRateLimiter(AeronaRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public long getTokenRenewMargin() {
        return tokenRenewMargin;
    }

    /**
     * How long before the token's hour is up the component logs in again.
     */
    public void setTokenRenewMargin(long tokenRenewMargin) {
        this.tokenRenewMargin = tokenRenewMargin;
    }

    public long getLoginBackoff() {
        return loginBackoff;
    }

    /**
     * After a refused login (any non-2xx answer, or a 2xx without the token), how long the account attempts no new
     * login; it doubles with each further refusal, up to rateLimitPeriod, and a login that succeeds resets it. Calls
     * meanwhile fail at once with the last login's exception, unsent. 0 turns the backoff off.
     */
    public void setLoginBackoff(long loginBackoff) {
        this.loginBackoff = loginBackoff;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Timeout to establish a connection to Aerona.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getSocketTimeout() {
        return socketTimeout;
    }

    /**
     * Timeout waiting for data from Aerona (also the response timeout).
     */
    public void setSocketTimeout(long socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    /**
     * The longest one request may take from sending to the last byte of its reply, the login too; socketTimeout
     * only bounds each read, so a reply that drips in slowly is stopped here. Over it the call fails and nothing is
     * retried.
     */
    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public long getMaxReplySize() {
        return maxReplySize;
    }

    /**
     * The largest reply body read, in bytes (default 32 MiB); a larger one fails the call with an
     * AeronaApiException instead of filling the memory.
     */
    public void setMaxReplySize(long maxReplySize) {
        this.maxReplySize = maxReplySize;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * Most connections kept open to one Aerona host, shared by every account with the same connection settings
     * (timeouts, TLS, proxy, configurer): the token travels in a header, so many clinics' accounts share sockets.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings (trust store, protocols) for the connection to Aerona.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * HTTP proxy host to reach Aerona through.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * HTTP proxy port.
     */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /**
     * A camel-http HttpClientConfigurer to adjust the Apache HttpClient 5 builder after the component's own settings
     * (the same bean can serve http: endpoints). It must leave automatic retries off.
     */
    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public String getInitialFromDate() {
        return initialFromDate;
    }

    /**
     * Polling consumer: the first day (yyyy-MM-dd) the first poll asks for. Default: today in timeZone.
     */
    public void setInitialFromDate(String initialFromDate) {
        this.initialFromDate = initialFromDate;
    }

    public int getLookbackDays() {
        return lookbackDays;
    }

    /**
     * Polling consumer: each later poll asks from this many days before the newest record date delivered, so records Aerona files late are still found (the idempotent repository drops those already emitted).
     */
    public void setLookbackDays(int lookbackDays) {
        this.lookbackDays = lookbackDays;
    }

    public String getTimeZone() {
        return timeZone;
    }

    /**
     * Polling consumer: the time zone (such as Europe/London) in which today and record dates are taken. Default: the JVM's zone.
     */
    public void setTimeZone(String timeZone) {
        this.timeZone = PipeValues.unescaped(timeZone);
    }

    public boolean isEmitUpdates() {
        return emitUpdates;
    }

    /**
     * Polling consumer: emit a record again when its content changed (keyed by id and content) instead of once per id.
     */
    public void setEmitUpdates(boolean emitUpdates) {
        this.emitUpdates = emitUpdates;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Consumers: where the keys of records and webhook events already processed are kept. Default: an in-memory repository per consumer; use a file, JDBC or other persistent one to remember across restarts, or a clustered one to share between instances.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public AeronaWebhookObjectType getObjectType() {
        return objectType;
    }

    /**
     * Webhook consumer: the type of object the webhook is for: Patient, Appointment or Treatment.
     */
    public void setObjectType(AeronaWebhookObjectType objectType) {
        this.objectType = objectType;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    /**
     * Webhook consumer: the path to listen on. Default: /aerona/ and the object type in lower case (/aerona/appointment).
     */
    public void setWebhookPath(String webhookPath) {
        this.webhookPath = PipeValues.unescaped(webhookPath);
    }

    public String getWebhookComponentName() {
        return webhookComponentName;
    }

    /**
     * Webhook consumer: the Camel HTTP consumer component (a RestConsumerFactory) that receives the webhooks, such as platform-http (the runtime's own HTTP server), netty-http, jetty or undertow.
     */
    public void setWebhookComponentName(String webhookComponentName) {
        this.webhookComponentName = webhookComponentName;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /**
     * Webhook consumer: a secret every webhook request must carry, as the query parameter secret or the header X-Aerona-Webhook-Secret; requests without it get 401. Put it in the URL you register with Aerona.
     */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public long getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    /**
     * Webhook consumer: the largest request body accepted, in bytes; larger ones get 413.
     */
    public void setWebhookMaxBodySize(long webhookMaxBodySize) {
        this.webhookMaxBodySize = webhookMaxBodySize;
    }

    public String getLoginPath() {
        return loginPath;
    }

    /**
     * The path below baseUrl that logins are POSTed to. Inferred (Aerona's page does not show it): correct it here
     * if the real API differs.
     */
    public void setLoginPath(String loginPath) {
        this.loginPath = loginPath;
    }

    public String getLoginUsernameField() {
        return loginUsernameField;
    }

    /** The JSON field of the login body that carries the username. Inferred: correct it here if the real API differs. */
    public void setLoginUsernameField(String loginUsernameField) {
        this.loginUsernameField = loginUsernameField;
    }

    public String getLoginPasswordField() {
        return loginPasswordField;
    }

    /** The JSON field of the login body that carries the password. Inferred: correct it here if the real API differs. */
    public void setLoginPasswordField(String loginPasswordField) {
        this.loginPasswordField = loginPasswordField;
    }

    public String getTokenHeader() {
        return tokenHeader;
    }

    /**
     * The HTTP header the token comes back in after a login and goes out in on every other request. Inferred:
     * correct it here if the real API differs.
     */
    public void setTokenHeader(String tokenHeader) {
        this.tokenHeader = tokenHeader;
    }

    public String getUserAgent() {
        return userAgent;
    }

    /**
     * The User-Agent header of every request to Aerona, so that Aerona's logs tell one integration from another.
     */
    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public String getRequestOverrides() {
        return requestOverrides;
    }

    /**
     * Corrects the method and path of operations, as operation=METHOD /path entries separated by commas, such as
     * getPractices=GET /practice-list or updateAppointmentStatus=POST /appointments/{appointmentId}/status. The
     * paths of createAppointment, updateAppointmentStatus and getPractices are inferred; a path must name exactly
     * the operation's path parameters in braces. Checked when the endpoint is created.
     */
    public void setRequestOverrides(String requestOverrides) {
        this.requestOverrides = requestOverrides;
    }
}
