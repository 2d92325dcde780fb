package io.github.camelaerona.springboot;

import java.time.Duration;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.AeronaConfiguration;
import io.github.camelaerona.api.AeronaPriority;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Configures the aerona component Camel creates from the {@code camel.component.aerona.*} properties. Only the
 * properties that are set change the component; the rest keep the component's defaults.
 */
@AutoConfiguration(before = CamelAutoConfiguration.class)
@ConditionalOnProperty(prefix = "camel.component.aerona", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AeronaComponentConfiguration.class)
public class AeronaComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer aeronaComponentCustomizer(AeronaComponentConfiguration properties,
            ObjectProvider<DataSource> dataSources) {
        return ComponentCustomizer.forType(AeronaComponent.class, component -> {
            apply(properties, component);
            if (Boolean.TRUE.equals(properties.getSharedBudget())) {
                DataSource dataSource = dataSources.getIfAvailable();
                if (dataSource == null) {
                    throw new IllegalStateException("camel.component.aerona.shared-budget=true needs the application's"
                            + " DataSource (spring.datasource.*), and there is none, or more than one without @Primary");
                }
                component.getConfiguration().setBudgetDataSource(dataSource);
            }
        });
    }

    static void apply(AeronaComponentConfiguration p, AeronaComponent component) {
        AeronaConfiguration c = component.getConfiguration();
        set(p.getBaseUrl(), c::setBaseUrl);
        set(p.getUsername(), c::setUsername);
        set(p.getPassword(), c::setPassword);
        set(p.getRateLimit(), c::setRateLimit);
        if (p.getPriority() != null) {
            AeronaPriority priority = AeronaPriority.parse(p.getPriority());
            if (priority == null) {
                throw new IllegalArgumentException("camel.component.aerona.priority must be interactive, normal or"
                        + " background, but was " + p.getPriority());
            }
            c.setPriority(priority);
        }
        set(p.getInteractiveReserve(), c::setInteractiveReserve);
        set(millis(p.getRateLimitWaitWarning()), c::setRateLimitWaitWarning);
        set(millis(p.getRateLimitPeriod()), c::setRateLimitPeriod);
        set(millis(p.getRateLimitMaxWait()), c::setRateLimitMaxWait);
        set(millis(p.getTokenRenewMargin()), c::setTokenRenewMargin);
        set(millis(p.getConnectTimeout()), c::setConnectTimeout);
        set(millis(p.getSocketTimeout()), c::setSocketTimeout);
        set(p.getMaxConnections(), c::setMaxConnections);
        set(p.getProxyHost(), c::setProxyHost);
        set(p.getProxyPort(), c::setProxyPort);
        set(p.getRawJson(), c::setRawJson);
        set(p.getThrowExceptionOnFailure(), c::setThrowExceptionOnFailure);
        set(p.getWebhookComponentName(), c::setWebhookComponentName);
        set(p.getWebhookSecret(), c::setWebhookSecret);
        set(p.getWebhookMaxBodySize(), c::setWebhookMaxBodySize);
        set(p.getTimeZone(), c::setTimeZone);
        set(p.getLookbackDays(), c::setLookbackDays);
        set(p.getHealthCheckProducerEnabled(), component::setHealthCheckProducerEnabled);
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
