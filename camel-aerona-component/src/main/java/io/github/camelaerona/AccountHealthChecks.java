package io.github.camelaerona;

import java.util.HashMap;
import java.util.Map;

import io.github.camelaerona.internal.account.AccountLease;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * The component's account readiness checks in Camel's producers repository: one per account, added when the first
 * producer of that account starts and removed when the last one stops, as Camel's components add a producer's check
 * in its start and remove it in its stop.
 */
final class AccountHealthChecks {

    private final Map<String, AeronaAccountHealthCheck> checks = new HashMap<>();

    synchronized void add(CamelContext camelContext, AccountLease lease, boolean enabled) {
        WritableHealthCheckRepository repository = repository(camelContext);
        if (repository == null) {
            return;
        }
        AeronaAccountHealthCheck check = checks.computeIfAbsent(AeronaAccountHealthCheck.idOf(lease.account()), id -> {
            AeronaAccountHealthCheck created = new AeronaAccountHealthCheck(lease.account());
            created.setEnabled(enabled);
            repository.addHealthCheck(created);
            return created;
        });
        check.addLease(lease);
    }

    synchronized void remove(CamelContext camelContext, AccountLease lease) {
        String id = AeronaAccountHealthCheck.idOf(lease.account());
        AeronaAccountHealthCheck check = checks.get(id);
        if (check == null || check.removeLease(lease)) {
            return;
        }
        checks.remove(id);
        WritableHealthCheckRepository repository = repository(camelContext);
        if (repository != null) {
            repository.removeHealthCheck(check);
        }
    }

    private static WritableHealthCheckRepository repository(CamelContext camelContext) {
        return HealthCheckHelper.getHealthCheckRepository(camelContext, "producers",
                WritableHealthCheckRepository.class);
    }
}
