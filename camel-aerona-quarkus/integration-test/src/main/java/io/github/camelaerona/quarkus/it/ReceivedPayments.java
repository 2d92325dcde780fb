package io.github.camelaerona.quarkus.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelaerona.model.Payment;
import jakarta.enterprise.context.ApplicationScoped;

/** What the payments poller delivered, by record id, as a finance system would receive it. */
@ApplicationScoped
public class ReceivedPayments {

    private final Map<String, Payment> byId = new ConcurrentHashMap<>();

    public void add(String recordId, Payment payment) {
        byId.put(recordId, payment);
    }

    public Payment get(String recordId) {
        return byId.get(recordId);
    }
}
