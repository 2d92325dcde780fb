package io.github.camelaerona.internal.metrics;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.internal.account.AeronaAccount;
import io.github.camelaerona.internal.operation.CallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * The meters of one account in one CamelContext, named as the contract's Observability section has them and tagged
 * as Camel's own micrometer meters are ({@code camelContext}), plus {@code account} (username@host, never a secret).
 */
final class MicrometerMeters implements CallObserver {

    /** The name under which camel-micrometer looks its registry up first. */
    static final String CAMEL_REGISTRY_NAME = "metricsRegistry";

    private final MeterRegistry registry;
    private final Tags tags;
    private final Set<Meter.Id> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Timer budgetWait;
    /** Set when the last endpoint stopped: calls it failed on the way out add no meters after the removal. */
    private volatile boolean removed;

    private static final String SAVED = "Requests saved in the current window: reads that shared one in flight, reads"
            + " from the cache";

    private MicrometerMeters(MeterRegistry registry, Tags tags, AeronaAccount account) {
        this.registry = registry;
        this.tags = tags;
        keep(Gauge.builder("aerona.budget.limit", account, AeronaAccount::limit).tags(tags).strongReference(true)
                .description("The account's rate limit per period").register(registry));
        keep(Gauge.builder("aerona.budget.used", account, a -> a.budgetReport().requests()).tags(tags)
                .strongReference(true).description("Requests sent in the current window, logins and retries included")
                .register(registry));
        for (AeronaPriority priority : AeronaPriority.values()) {
            keep(Gauge.builder("aerona.budget.waiting", account, a -> a.waiting(priority)).tags(tags)
                    .tag("priority", priority.name().toLowerCase(java.util.Locale.ROOT)).strongReference(true)
                    .description("Calls waiting for a slot of the budget").register(registry));
        }
        keep(Gauge.builder("aerona.budget.saved", account, a -> a.budgetReport().shared()).tags(tags)
                .tag("reason", "shared").strongReference(true)
                .description(SAVED).register(registry));
        keep(Gauge.builder("aerona.budget.saved", account, a -> a.budgetReport().fromCache()).tags(tags)
                .tag("reason", "cache").strongReference(true)
                .description(SAVED).register(registry));
        keep(Gauge.builder("aerona.polls.skipped", account, a -> a.budgetReport().pollsSkipped()).tags(tags)
                .strongReference(true).description("Polls skipped in the current window because the budget was busy")
                .register(registry));
        keep(FunctionCounter.builder("aerona.logins", account, AeronaAccount::logins).tags(tags)
                .tag("outcome", "success").description("Logins to Aerona").register(registry));
        keep(FunctionCounter.builder("aerona.logins", account, AeronaAccount::loginFailures).tags(tags)
                .tag("outcome", "failure").description("Logins to Aerona").register(registry));
        budgetWait = keep(Timer.builder("aerona.budget.wait").tags(tags)
                .description("How long calls waited for a slot of the budget").register(registry));
    }

    /** The account's meters in the context's MeterRegistry, or null when the context has none. */
    static MicrometerMeters bind(CamelContext camelContext, AeronaAccount account) {
        MeterRegistry registry = camelContext.getRegistry().lookupByNameAndType(CAMEL_REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = camelContext.getRegistry().findSingleByType(MeterRegistry.class);
        }
        if (registry == null) {
            return null;
        }
        return new MicrometerMeters(registry, Tags.of("camelContext", camelContext.getName(), "account",
                accountTag(account)), account);
    }

    /** username@host[:port], as the account's key has the base URL: no path, no credentials. */
    static String accountTag(AeronaAccount account) {
        return account.key().username() + "@" + URI.create(account.key().baseUrl()).getAuthority();
    }

    @Override
    public void finished(String operation, String outcome, long waitedMillis) {
        if (removed) {
            return;
        }
        String key = operation + ' ' + outcome;
        Counter counter = requests.get(key);
        if (counter == null) {
            synchronized (this) {
                if (removed) {
                    return;
                }
                counter = requests.computeIfAbsent(key, k -> keep(Counter.builder("aerona.requests").tags(tags)
                        .tag("operation", operation).tag("outcome", outcome)
                        .description("Calls to Aerona by operation and outcome").register(registry)));
            }
        }
        counter.increment();
        if (waitedMillis >= 0) {
            budgetWait.record(waitedMillis, TimeUnit.MILLISECONDS);
        }
    }

    private <M extends Meter> M keep(M meter) {
        registered.add(meter.getId());
        return meter;
    }

    /** Removes every meter this account registered in the registry. */
    synchronized void remove() {
        removed = true;
        for (Meter.Id id : List.copyOf(registered)) {
            registry.remove(id);
        }
        registered.clear();
        requests.clear();
    }
}
