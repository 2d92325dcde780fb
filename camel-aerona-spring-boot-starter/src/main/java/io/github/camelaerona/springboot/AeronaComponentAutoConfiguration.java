package io.github.camelaerona.springboot;

import java.beans.PropertyDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.github.camelaerona.AeronaComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Configures the aerona component Camel creates from the {@code camel.component.aerona.*} properties. Every option
 * is bound through the component's own generated configurer, the way camel-main binds the same keys, so an option
 * the component gains needs no code here: only its field in {@link AeronaComponentConfiguration}.
 */
@AutoConfiguration(before = CamelAutoConfiguration.class)
@ConditionalOnProperty(prefix = "camel.component.aerona", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AeronaComponentConfiguration.class)
public class AeronaComponentAutoConfiguration {

    /** The starter's own keys, which are not options of the component. */
    private static final Set<String> STARTER_KEYS = Set.of("class", "enabled", "sharedBudget");

    @Bean
    public ComponentCustomizer aeronaComponentCustomizer(AeronaComponentConfiguration properties,
            ObjectProvider<DataSource> dataSources) {
        return ComponentCustomizer.forType(AeronaComponent.class, component -> {
            bind(properties, component);
            if (properties.isSharedBudget()) {
                DataSource dataSource = dataSources.getIfAvailable();
                if (dataSource == null) {
                    throw new IllegalStateException("camel.component.aerona.shared-budget=true needs the application's"
                            + " DataSource (spring.datasource.*), and there is none, or more than one without @Primary");
                }
                component.getConfiguration().setBudgetDataSource(dataSource);
            }
        });
    }

    /** Before Camel's platform-http reads a webhook's body, see {@link WebhookBodyLimitFilter}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.filter.OncePerRequestFilter")
    static class WebhookBodyLimit {
        @Bean
        FilterRegistrationBean<WebhookBodyLimitFilter> aeronaWebhookBodyLimit(CamelContext camel) {
            FilterRegistrationBean<WebhookBodyLimitFilter> registration =
                    new FilterRegistrationBean<>(new WebhookBodyLimitFilter(camel));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** Sets every option that has a value on the component; bean references (#name) are looked up by Camel. */
    static void bind(AeronaComponentConfiguration properties, AeronaComponent component) {
        // a whole configuration bean first, so the single options apply on top of it
        if (properties.getConfiguration() != null) {
            bind(component, Map.of("configuration", properties.getConfiguration()));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        BeanWrapper values = new BeanWrapperImpl(properties);
        for (PropertyDescriptor property : values.getPropertyDescriptors()) {
            String name = property.getName();
            Object value = values.getPropertyValue(name);
            if (value != null && !STARTER_KEYS.contains(name) && !name.equals("configuration")) {
                options.put(name, value);
            }
        }
        bind(component, options);
    }

    private static void bind(AeronaComponent component, Map<String, Object> options) {
        PropertyBindingSupport.build()
                .withCamelContext(component.getCamelContext())
                .withTarget(component)
                .withProperties(options)
                .withRemoveParameters(false)
                .withMandatory(true)
                .bind();
    }
}
