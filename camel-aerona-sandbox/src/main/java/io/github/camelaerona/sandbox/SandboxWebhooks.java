package io.github.camelaerona.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aerona's webhooks: when data changes, the sandbox POSTs the object's JSON to the URL registered for its type.
 * An answer other than 200 (or none) is retried once an hour on the sandbox clock, up to 24 more times, so a
 * test moves the clock an hour to see the next retry arrive.
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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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

    /** Sends webhooks of the type (Patient, Appointment, Treatment) to the URL from now on. */
    public void register(String objectType, String url) {
        urls.put(objectType, url);
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
            int status = send(p);
            deliveries.add(new WebhookDelivery(p.eventId(), p.objectType(), p.url(), p.attempt(), status, now, p.body()));
            if (status != 200 && p.attempt() <= MAX_RETRIES) {
                pending.add(new Pending(p.eventId(), p.objectType(), p.url(), p.body(), p.attempt() + 1,
                        clock.instant().plus(RETRY_INTERVAL)));
            }
        }
    }

    private int send(Pending p) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(p.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(p.body()))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            LOG.debug("Webhook {} to {} got no answer: {}", p.eventId(), p.url(), e.toString());
            return -1;
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    private record Pending(long eventId, String objectType, String url, String body, int attempt, Instant dueAt) {
    }
}
