package io.github.camelaerona.internal.metrics;

import java.util.HashMap;
import java.util.Map;

import io.github.camelaerona.internal.account.AccountKey;
import io.github.camelaerona.internal.account.AeronaAccount;
import io.github.camelaerona.internal.operation.CallObserver;
import org.apache.camel.CamelContext;

/**
 * The Micrometer meters of one CamelContext's Aerona accounts, when Micrometer is on the classpath and a
 * MeterRegistry is in Camel's registry; nothing otherwise (Micrometer is an optional dependency, and no class that
 * names its types is loaded without it). Meters of an account are registered when the first endpoint of it starts
 * and removed when the last one stops.
 */
public final class AccountMetrics {

    private static final boolean MICROMETER = present("io.micrometer.core.instrument.MeterRegistry");

    private final Map<AccountKey, Binding> bound = new HashMap<>();

    private record Binding(CallObserver meters, int endpoints) {
    }

    /** The observer an endpoint of the account reports its calls to: its meters, or one that does nothing. */
    public synchronized CallObserver open(CamelContext camelContext, AeronaAccount account) {
        if (!MICROMETER) {
            return CallObserver.NONE;
        }
        Binding binding = bound.get(account.key());
        if (binding == null) {
            CallObserver meters = MicrometerMeters.bind(camelContext, account);
            if (meters == null) {
                return CallObserver.NONE; // no MeterRegistry in the registry
            }
            binding = new Binding(meters, 0);
        }
        bound.put(account.key(), new Binding(binding.meters(), binding.endpoints() + 1));
        return binding.meters();
    }

    /** An endpoint of the account stopped; the last one removes the account's meters. */
    public synchronized void close(AeronaAccount account) {
        Binding binding = bound.get(account.key());
        if (binding == null) {
            return;
        }
        if (binding.endpoints() > 1) {
            bound.put(account.key(), new Binding(binding.meters(), binding.endpoints() - 1));
        } else {
            bound.remove(account.key());
            ((MicrometerMeters) binding.meters()).remove();
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, AccountMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
