package io.github.camelaerona;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of an Aerona endpoint. Set the account (baseUrl, username, password) and the limits once on the
 * component; each endpoint starts from a copy of the component's configuration.
 */
@UriParams
public class AeronaConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://aeronadental.com/AeronaAPI/v1";

    @UriPath(description = "The Aerona operation to call, or webhook to receive events")
    @Metadata(required = true)
    private AeronaOperation operation;

    @UriParam(defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "security", secret = true)
    private String username;
    @UriParam(label = "security", secret = true)
    private String password;

    @UriParam(label = "producer")
    private Long appointmentId;
    @UriParam(label = "producer")
    private Integer appointmentStatusId;
    @UriParam(label = "producer")
    private Long appointmentTypeId;
    @UriParam(label = "producer")
    private Long clinicianId;
    @UriParam(label = "producer")
    private Integer clinicianTypeId;
    @UriParam(label = "producer")
    private Long practiceId;
    @UriParam(label = "producer")
    private Long patientId;
    @UriParam(label = "producer")
    private Long paymentId;
    @UriParam(label = "producer")
    private Long invoiceId;
    @UriParam(label = "producer")
    private String searchStart;
    @UriParam(label = "producer")
    private String fromDate;
    @UriParam(label = "producer")
    private String toDate;
    @UriParam(label = "producer")
    private Integer timeOfDay;
    @UriParam(label = "producer")
    private Boolean includeDisabled;
    @UriParam(label = "producer")
    private Boolean onsiteOnly;
    @UriParam(label = "producer")
    private Boolean remoteOnly;

    @UriParam(label = "producer", defaultValue = "false")
    private boolean rawJson;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean throwExceptionOnFailure = true;

    @UriParam(label = "consumer")
    private String initialFromDate;
    @UriParam(label = "consumer", defaultValue = "1")
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
    private long webhookMaxBodySize = 1024 * 1024;

    @UriParam(label = "advanced", defaultValue = "300")
    private int rateLimit = 300;
    @UriParam(label = "advanced", defaultValue = "15m", javaType = "java.time.Duration")
    private long rateLimitPeriod = 15 * 60_000L;
    @UriParam(label = "advanced", defaultValue = "15m", javaType = "java.time.Duration")
    private long rateLimitMaxWait = 15 * 60_000L;
    @UriParam(label = "advanced")
    private AeronaRateLimiter rateLimiter;
    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration")
    private long tokenRenewMargin = 5 * 60_000L;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration")
    private long connectTimeout = 10_000L;
    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration")
    private long socketTimeout = 60_000L;
    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnections = 20;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "advanced")
    private AeronaHttpClientConfigurer httpClientConfigurer;

    /** A copy for one endpoint. */
    public AeronaConfiguration copy() {
        try {
            return (AeronaConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The URI option value of a parameter, or null when not set. */
    public Object parameterValue(AeronaParameter parameter) {
        return switch (parameter) {
            case APPOINTMENT_ID -> appointmentId;
            case APPOINTMENT_STATUS_ID -> appointmentStatusId;
            case APPOINTMENT_TYPE_ID -> appointmentTypeId;
            case CLINICIAN_ID -> clinicianId;
            case CLINICIAN_TYPE_ID -> clinicianTypeId;
            case PRACTICE_ID -> practiceId;
            case PATIENT_ID -> patientId;
            case PAYMENT_ID -> paymentId;
            case INVOICE_ID -> invoiceId;
            case SEARCH_START -> searchStart;
            case FROM_DATE -> fromDate;
            case TO_DATE -> toDate;
            case TIME_OF_DAY -> timeOfDay;
            case INCLUDE_DISABLED -> includeDisabled;
            case ONSITE_ONLY -> onsiteOnly;
            case REMOTE_ONLY -> remoteOnly;
        };
    }

    public AeronaOperation getOperation() {
        return operation;
    }

    public void setOperation(AeronaOperation operation) {
        this.operation = operation;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The root of the Aerona API. Plain http:// is refused unless the host is loopback (the sandbox, tests).
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getUsername() {
        return username;
    }

    /**
     * The Aerona API user. Set it on the component so it need not appear in URIs.
     */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /**
     * The Aerona API user's password. Set it on the component so it need not appear in URIs; it never appears in logs or exception messages.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public Long getAppointmentId() {
        return appointmentId;
    }

    /**
     * The appointment whose status updateAppointmentStatus changes.
     */
    public void setAppointmentId(Long appointmentId) {
        this.appointmentId = appointmentId;
    }

    public Integer getAppointmentStatusId() {
        return appointmentStatusId;
    }

    /**
     * The new status for updateAppointmentStatus: 1 Unconfirmed, 2 Confirmed, 3 Arrived, 4 Failed to Attend, 5 Cancelled by Practice, 6 In Clinic, 7 Completed, 8 Online Booking Request, 9 Reminder Sent, 10 Scheduled, 11 Unscheduled, 12 Cancelled by Patient, 13 Deleted, 14 Late Cancellation, 16 Was Not Brought. Sent in the JSON request body.
     */
    public void setAppointmentStatusId(Integer appointmentStatusId) {
        this.appointmentStatusId = appointmentStatusId;
    }

    public Long getAppointmentTypeId() {
        return appointmentTypeId;
    }

    /**
     * The appointment type, for findAppointmentSlots (required) and getClinicians.
     */
    public void setAppointmentTypeId(Long appointmentTypeId) {
        this.appointmentTypeId = appointmentTypeId;
    }

    public Long getClinicianId() {
        return clinicianId;
    }

    /**
     * The clinician whose free slots findAppointmentSlots returns; give this or clinicianTypeId, not both.
     */
    public void setClinicianId(Long clinicianId) {
        this.clinicianId = clinicianId;
    }

    public Integer getClinicianTypeId() {
        return clinicianTypeId;
    }

    /**
     * The clinician type (1-16), for findAppointmentSlots (then practiceId is required) and getAppointmentTypes.
     */
    public void setClinicianTypeId(Integer clinicianTypeId) {
        this.clinicianTypeId = clinicianTypeId;
    }

    public Long getPracticeId() {
        return practiceId;
    }

    /**
     * The practice, for findAppointmentSlots, getAppointmentTypes and getClinicians.
     */
    public void setPracticeId(Long practiceId) {
        this.practiceId = practiceId;
    }

    public Long getPatientId() {
        return patientId;
    }

    /**
     * The patient, for getPatient (required), searchPayments and searchInvoices.
     */
    public void setPatientId(Long patientId) {
        this.patientId = patientId;
    }

    public Long getPaymentId() {
        return paymentId;
    }

    /**
     * The payment getPayment reads.
     */
    public void setPaymentId(Long paymentId) {
        this.paymentId = paymentId;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    /**
     * The invoice getInvoice reads.
     */
    public void setInvoiceId(Long invoiceId) {
        this.invoiceId = invoiceId;
    }

    public String getSearchStart() {
        return searchStart;
    }

    /**
     * The first day findAppointmentSlots searches, yyyy-MM-dd.
     */
    public void setSearchStart(String searchStart) {
        this.searchStart = searchStart;
    }

    public String getFromDate() {
        return fromDate;
    }

    /**
     * The first day searchPayments and searchInvoices cover, yyyy-MM-dd. Aerona's default is the first day of the current month.
     */
    public void setFromDate(String fromDate) {
        this.fromDate = fromDate;
    }

    public String getToDate() {
        return toDate;
    }

    /**
     * The last day searchPayments and searchInvoices cover, yyyy-MM-dd. Aerona's default is today.
     */
    public void setToDate(String toDate) {
        this.toDate = toDate;
    }

    public Integer getTimeOfDay() {
        return timeOfDay;
    }

    /**
     * For findAppointmentSlots: 0 any, 1 before 12pm, 2 between 12pm and 5pm, 3 after 5pm.
     */
    public void setTimeOfDay(Integer timeOfDay) {
        this.timeOfDay = timeOfDay;
    }

    public Boolean getIncludeDisabled() {
        return includeDisabled;
    }

    /**
     * For getAppointmentTypes: include disabled appointment types.
     */
    public void setIncludeDisabled(Boolean includeDisabled) {
        this.includeDisabled = includeDisabled;
    }

    public Boolean getOnsiteOnly() {
        return onsiteOnly;
    }

    /**
     * For getAppointmentTypes: onsite appointment types only.
     */
    public void setOnsiteOnly(Boolean onsiteOnly) {
        this.onsiteOnly = onsiteOnly;
    }

    public Boolean getRemoteOnly() {
        return remoteOnly;
    }

    /**
     * For getAppointmentTypes: remote appointment types only.
     */
    public void setRemoteOnly(Boolean remoteOnly) {
        this.remoteOnly = remoteOnly;
    }

    public boolean isRawJson() {
        return rawJson;
    }

    /**
     * Return Aerona's reply as a JSON String instead of model objects.
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
     * Requests allowed per rateLimitPeriod for the account, logins included (Aerona allows 300 per 15 minutes and invalidates the token of a caller that goes over). Endpoints of one account share one budget; when they ask for different limits the strictest applies. 0 turns throttling off.
     */
    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
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

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * Most connections the endpoint keeps open to Aerona.
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

    public AeronaHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /**
     * A hook to adjust the Apache HttpClient 5 builder after the component's own settings.
     */
    public void setHttpClientConfigurer(AeronaHttpClientConfigurer httpClientConfigurer) {
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
        this.timeZone = timeZone;
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
        this.webhookPath = webhookPath;
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
}
