package io.github.camelaerona;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.github.camelaerona.api.AeronaOperation;
import io.github.camelaerona.internal.metrics.AccountMetrics;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The {@code aerona:} component. Options set here (the account, limits, timeouts) are the defaults of every
 * endpoint it creates. As a {@link HealthCheckComponent} it has Camel's {@code healthCheckProducerEnabled} (the
 * account readiness check of producers) and {@code healthCheckConsumerEnabled} (the polling consumers' checks).
 */
@Component("aerona")
public class AeronaComponent extends HealthCheckComponent {

    @Metadata
    private AeronaConfiguration configuration = new AeronaConfiguration();

    @Metadata(label = "advanced",
              description = "Where the component reads now and today: the polling windows, initialFromDate's default"
                            + " and the token's hour. The system clock unless a test gives another (a pinned Clock).")
    private Clock clock = Clock.systemDefaultZone();

    private final AccountHealthChecks accountHealthChecks = new AccountHealthChecks();
    private final AccountMetrics accountMetrics = new AccountMetrics();
    private ExecutorService workerPool;
    private EventNotifierSupport stopping;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AeronaEndpoint endpoint = new AeronaEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(operation(remaining));
        setProperties(endpoint, parameters);
        endpoint.checkConfiguration();
        return endpoint;
    }

    private static AeronaOperation operation(String remaining) {
        try {
            return AeronaOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown Aerona operation '" + remaining + "'; use one of "
                    + Arrays.toString(AeronaOperation.values()));
        }
    }

    /** The account readiness checks of this component's running producers. */
    AccountHealthChecks accountHealthChecks() {
        return accountHealthChecks;
    }

    /** The Micrometer meters of this component's accounts (none without Micrometer and a MeterRegistry). */
    AccountMetrics accountMetrics() {
        return accountMetrics;
    }

    /** Runs the calls that waited for the rate budget or a login; shared by the component's endpoints. */
    synchronized ExecutorService workerPool() {
        if (workerPool == null) {
            workerPool = getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "AeronaWorker", Math.max(1, configuration.getMaxConnections()));
        }
        return workerPool;
    }

    /**
     * Calls waiting for the rate budget would hold Camel's graceful shutdown for up to rateLimitMaxWait: when the
     * context starts stopping they fail at once, unsent, so the shutdown does not wait for them.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopping = new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStoppingEvent;
            }

            @Override
            public void notify(CamelEvent event) {
                for (Endpoint endpoint : getCamelContext().getEndpoints()) {
                    if (endpoint instanceof AeronaEndpoint aerona && aerona.getComponent() == AeronaComponent.this) {
                        aerona.failWaitingCalls("the CamelContext stopped");
                    }
                }
            }
        };
        getCamelContext().getManagementStrategy().addEventNotifier(stopping);
        ServiceHelper.startService(stopping);
    }

    @Override
    protected void doStop() throws Exception {
        if (stopping != null) {
            getCamelContext().getManagementStrategy().removeEventNotifier(stopping);
            ServiceHelper.stopService(stopping);
            stopping = null;
        }
        synchronized (this) {
            if (workerPool != null) {
                getCamelContext().getExecutorServiceManager().shutdown(workerPool);
                workerPool = null;
            }
        }
        super.doStop();
    }

    public Clock getClock() {
        return clock;
    }

    /**
     * Where the component reads now and today: the polling windows, initialFromDate's default and the token's hour.
     * The system clock unless a test gives another (a pinned Clock).
     */
    public void setClock(Clock clock) {
        this.clock = clock == null ? Clock.systemDefaultZone() : clock;
    }

    public AeronaConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults of every endpoint of this component. */
    public void setConfiguration(AeronaConfiguration configuration) {
        this.configuration = configuration;
    }
}
