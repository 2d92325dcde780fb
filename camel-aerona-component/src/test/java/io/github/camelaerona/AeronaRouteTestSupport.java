package io.github.camelaerona;

import java.util.ArrayList;
import java.util.List;

import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts a sandbox per test and real CamelContexts whose aerona component points at it. Each sandbox has its own
 * port, so each test has its own account and session.
 */
abstract class AeronaRouteTestSupport {

    protected AeronaSandbox sandbox;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void startSandbox() {
        sandbox = sandboxBuilder().start();
    }

    @AfterEach
    void stopAll() {
        contexts.forEach(CamelContext::stop);
        contexts.clear();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    protected AeronaSandbox.Builder sandboxBuilder() {
        return AeronaSandbox.builder();
    }

    /** A started context with the aerona component configured for the sandbox's account, running the routes. */
    protected CamelContext startContext(RoutesBuilder... routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        // some tests leave exchanges waiting for the rate budget on purpose; do not wait 45 s for them
        context.getShutdownStrategy().setTimeout(2);
        AeronaComponent aerona = new AeronaComponent();
        aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());
        aerona.getConfiguration().setUsername(sandbox.username());
        aerona.getConfiguration().setPassword(sandbox.password());
        configure(aerona);
        context.addComponent("aerona", aerona);
        bindBeans(context);
        for (RoutesBuilder route : routes) {
            context.addRoutes(route);
        }
        context.start();
        contexts.add(context);
        return context;
    }

    /** Hook for a test's registry beans, bound before the routes start. */
    protected void bindBeans(CamelContext context) {
    }

    /** Hook for a test's component settings. */
    protected void configure(AeronaComponent aerona) {
    }

    protected ProducerTemplate template(CamelContext context) {
        return context.createProducerTemplate();
    }
}
