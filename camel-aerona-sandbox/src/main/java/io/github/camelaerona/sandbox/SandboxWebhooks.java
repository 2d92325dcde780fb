package io.github.camelaerona.sandbox;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aerona's webhooks: when data changes, the sandbox POSTs the object's JSON to the URL registered for its type.
 * An answer other than 200 (or none) is retried once an hour on the sandbox clock, up to 24 more times, so a
 * test moves the clock an hour to see the next retry arrive.
 * <p>
 * As Aerona, it sends only to {@code https} URLs ({@code http} is allowed for a loopback host, as a test's or a
 * developer's own server). Over TLS it verifies the server's certificate and host name, against the JDK's trusted
 * authorities unless it was given a trust store of its own ({@link #trust(KeyStore)}): a test's self-signed
 * certificate has to be trusted explicitly, exactly as a real deployment's has to be one Aerona trusts.
 */
public final class SandboxWebhooks implements AutoCloseable {

    public static final int MAX_RETRIES = 24;
    public static final Duration RETRY_INTERVAL = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(SandboxWebhooks.class);

    private final SandboxClock clock;
    private final ObjectMapper json;
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private final List<Pending> pending = new CopyOnWriteArrayList<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong eventIds = new AtomicLong();
    private volatile HttpClient http = client(null);
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aerona-sandbox-webhooks");
        t.setDaemon(true);
        return t;
    });

    SandboxWebhooks(SandboxClock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
        sender.scheduleWithFixedDelay(this::sendDue, 20, 20, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends webhooks of the type (Patient, Appointment, Treatment) to the URL from now on.
     *
     * @throws IllegalArgumentException for a URL that is not {@code https} (or {@code http} to a loopback host)
     */
    public void register(String objectType, String url) {
        urls.put(objectType, checkedTarget(url));
    }

    /**
     * Trusts the certificates of this store (instead of the JDK's authorities) for deliveries over TLS from now
     * on; null: the JDK's again. Host names are verified either way.
     */
    public void trust(KeyStore trustStore) {
        this.http = client(trustStore);
    }

    /** A trust store file (PKCS12 or JKS, told apart by its content), for {@link #trust(KeyStore)}. */
    public static KeyStore trustStoreFile(java.nio.file.Path file, String password) {
        try {
            return KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("The webhook trust store " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The certificates of PEM text ("-----BEGIN CERTIFICATE-----" blocks) as a trust store. */
    public static KeyStore trustStorePem(String pem) {
        try {
            java.util.Collection<? extends java.security.cert.Certificate> certificates =
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(
                            new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("The webhook trust PEM holds no certificate");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (java.security.cert.Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("The webhook trust PEM cannot be read: " + e.getMessage(), e);
        }
    }

    private static HttpClient client(KeyStore trustStore) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30));
        if (trustStore != null) {
            try {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                builder.sslContext(context);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("The webhook trust store cannot be used: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /** Aerona's rule for webhook URLs: "you must use an SSL/TLS URL"; plain http only to this machine. */
    static String checkedTarget(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        String shown = url == null ? "null" : url.replaceAll("[?#].*", "?...");
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("A webhook URL must be an absolute https URL with a host; got " + shown);
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost())) {
            return url;
        }
        throw new IllegalArgumentException("Aerona sends webhooks only to https URLs (http only to a loopback host such"
                + " as 127.0.0.1 or localhost); got " + shown);
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.contains(":") && !bare.matches("[0-9.]+")) {
            return false; // a name: not resolved here, so only "localhost" counts
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Where each object type's webhooks go now. */
    public Map<String, String> targets() {
        return Map.copyOf(urls);
    }

    public void unregister(String objectType) {
        urls.remove(objectType);
    }

    /** Every delivery attempt so far, oldest first. */
    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Forgets the delivery log (pending retries stay). */
    public void clearDeliveries() {
        deliveries.clear();
    }

    /** Events not yet delivered that will be tried again. */
    public int pending() {
        return pending.size();
    }

    /** When the pending events are tried next, on the sandbox clock, earliest first. */
    public List<Instant> pendingDueAt() {
        return pending.stream().map(Pending::dueAt).sorted().toList();
    }

    /** Sends a webhook for the object now (if a URL is registered for its type); returns the event id, or -1. */
    public long publish(String objectType, Map<String, Object> object) {
        String url = urls.get(objectType);
        if (url == null) {
            return -1;
        }
        String body;
        try {
            body = json.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long id = eventIds.incrementAndGet();
        pending.add(new Pending(id, objectType, url, body, 1, clock.instant()));
        return id;
    }

    private void sendDue() {
        Instant now = clock.instant();
        List<Pending> due = new ArrayList<>();
        for (Pending p : pending) {
            if (!p.dueAt().isAfter(now)) {
                due.add(p);
            }
        }
        for (Pending p : due) {
            pending.remove(p);
            Answer answer = send(p);
            deliveries.add(new WebhookDelivery(p.eventId(), p.objectType(), p.url(), p.attempt(), answer.status(), now,
                    p.body(), answer.failure()));
            if (answer.status() != 200 && p.attempt() <= MAX_RETRIES) {
                pending.add(new Pending(p.eventId(), p.objectType(), p.url(), p.body(), p.attempt() + 1,
                        clock.instant().plus(RETRY_INTERVAL)));
            }
        }
    }

    private Answer send(Pending p) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(p.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(p.body()))
                    .build();
            return new Answer(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        } catch (Exception e) {
            // the innermost cause says what TLS refused; the URL is shown without its query, where a secret may be
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            LOG.info("Webhook {} to {} got no answer: {}", p.eventId(), p.url().replaceAll("[?#].*", "?..."), failure);
            return new Answer(-1, failure);
        }
    }

    private record Answer(int status, String failure) {
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    private record Pending(long eventId, String objectType, String url, String body, int attempt, Instant dueAt) {
    }
}
