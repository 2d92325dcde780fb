package io.github.camelaerona.springboot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The aerona component's settings under {@code camel.component.aerona}. Bean-valued options (rateLimiter,
 * sslContextParameters, httpClientConfigurer, idempotentRepository) are set with a {@code ComponentCustomizer}.
 */
@ConfigurationProperties(prefix = "camel.component.aerona")
public class AeronaComponentConfiguration {

    /** Whether to auto-configure the aerona component. */
    private boolean enabled = true;
    /** The root of the Aerona API. Plain http:// is refused unless the host is loopback. */
    private String baseUrl;
    /** The Aerona API user. */
    private String username;
    /** The Aerona API user's password; never logged. */
    private String password;
    /**
     * Keep the account's rate budget in the application's DataSource (table aerona_budget_slot, created when
     * missing), so every instance of the application that uses the same database shares one budget.
     */
    private Boolean sharedBudget;
    /**
     * How urgent the endpoints' calls are for the rate budget: interactive, normal or background (unset: normal for
     * producers, background for polling consumers).
     */
    private String priority;
    /** Slots of the rate window that background calls leave to interactive and normal ones. */
    private Integer interactiveReserve;
    /** A call that waited longer than this for the rate budget is logged, at most once per window. */
    private Duration rateLimitWaitWarning;
    /** Requests allowed per rate-limit-period for the account, logins included; 0 turns throttling off. */
    private Integer rateLimit;
    /** The window of the rate limit; a request's slot frees up this long after its response arrived. */
    private Duration rateLimitPeriod;
    /** How long a call may wait for a slot in the rate budget before it fails. */
    private Duration rateLimitMaxWait;
    /** How long before the token's hour is up the component logs in again. */
    private Duration tokenRenewMargin;
    /** Timeout to establish a connection to Aerona. */
    private Duration connectTimeout;
    /** Timeout waiting for data from Aerona. */
    private Duration socketTimeout;
    /** Most connections an endpoint keeps open to Aerona. */
    private Integer maxConnections;
    /** HTTP proxy host. */
    private String proxyHost;
    /** HTTP proxy port. */
    private Integer proxyPort;
    /** Return Aerona's replies as JSON text instead of model objects. */
    private Boolean rawJson;
    /** Throw AeronaApiException on a failure reply (else the reply becomes the body). */
    private Boolean throwExceptionOnFailure;
    /** The Camel HTTP consumer component webhook endpoints listen through. */
    private String webhookComponentName;
    /** A secret every webhook request must carry (query parameter secret or header X-Aerona-Webhook-Secret). */
    private String webhookSecret;
    /** The largest webhook body accepted, in bytes. */
    private Long webhookMaxBodySize;
    /** Polling consumers: the time zone of today and of record dates, such as Europe/London. */
    private String timeZone;
    /** Polling consumers: days before the newest delivered record date that each poll starts. */
    private Integer lookbackDays;
    /** Whether aerona producers add the account readiness check. */
    private Boolean healthCheckProducerEnabled;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public Integer getInteractiveReserve() {
        return interactiveReserve;
    }

    public void setInteractiveReserve(Integer interactiveReserve) {
        this.interactiveReserve = interactiveReserve;
    }

    public Duration getRateLimitWaitWarning() {
        return rateLimitWaitWarning;
    }

    public void setRateLimitWaitWarning(Duration rateLimitWaitWarning) {
        this.rateLimitWaitWarning = rateLimitWaitWarning;
    }

    public Boolean getSharedBudget() {
        return sharedBudget;
    }

    public void setSharedBudget(Boolean sharedBudget) {
        this.sharedBudget = sharedBudget;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Duration getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    public void setRateLimitPeriod(Duration rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public Duration getRateLimitMaxWait() {
        return rateLimitMaxWait;
    }

    public void setRateLimitMaxWait(Duration rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

    public Duration getTokenRenewMargin() {
        return tokenRenewMargin;
    }

    public void setTokenRenewMargin(Duration tokenRenewMargin) {
        this.tokenRenewMargin = tokenRenewMargin;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
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

    public String getWebhookComponentName() {
        return webhookComponentName;
    }

    public void setWebhookComponentName(String webhookComponentName) {
        this.webhookComponentName = webhookComponentName;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public Long getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    public void setWebhookMaxBodySize(Long webhookMaxBodySize) {
        this.webhookMaxBodySize = webhookMaxBodySize;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Integer getLookbackDays() {
        return lookbackDays;
    }

    public void setLookbackDays(Integer lookbackDays) {
        this.lookbackDays = lookbackDays;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }
}
