package io.github.camelaerona;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts a sandbox per test and real CamelContexts whose aerona component points at it. Each sandbox has its own
 * port and user, so each test has its own account and session. The sandbox clock is pinned and the component reads it too,
 * so dates are the same on any machine, day and time zone, and moving the sandbox clock moves the component's.
 */
abstract class AeronaRouteTestSupport {

    /** A Wednesday morning in London: the sandbox's and the component's clock start here, on any machine and day. */
    protected static final Instant NOW = Instant.parse("2026-06-17T10:00:00Z");
    protected static final ZoneId LONDON = ZoneId.of("Europe/London");

    protected AeronaSandbox sandbox;
    private final List<CamelContext> contexts = new ArrayList<>();

    /** Numbers each test's user, see {@link #startSandbox()}. */
    private static final java.util.concurrent.atomic.AtomicInteger TESTS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A user of its own per test, unless the test names its users first: accounts are keyed by base URL and user
     * and stay until their window drains, and every sandbox clock starts at {@link #NOW}, so a test whose sandbox got
     * the port of an earlier test's would otherwise find that test's window, carried over, as its own.
     */
    @BeforeEach
    void startSandbox() {
        sandbox = sandboxBuilder().user("user-" + TESTS.incrementAndGet(), AeronaSandbox.DEFAULT_PASSWORD)
                .startTime(startTime()).start();
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

    /** Where the sandbox clock starts; the component reads the same clock unless a test configures another. */
    protected Instant startTime() {
        return NOW;
    }

    /** Today at the sandbox's practices, on the sandbox clock. */
    protected LocalDate today() {
        return LocalDate.now(sandbox.clock().withZone(LONDON));
    }

    /** The message of the innermost cause: the component's own error under Camel's wrappers. */
    protected static String innermostMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
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
        aerona.setClock(sandbox.clock());
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

    /** A free port on loopback, for an HTTP server a test starts. */
    protected static int freeLoopbackPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Camel's platform-http server (Vert.x) on the loopback port, for webhook consumers; null: no body limit. */
    protected static void addHttpServer(CamelContext context, int port, Long maxBodySize) {
        org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration server =
                new org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        server.setMaxBodySize(maxBodySize);
        try {
            context.addService(new org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer(server));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Camel's producer health checks on, as camel.health.producers-enabled=true sets them up; call in bindBeans. */
    /** A route from direct:call to the URI. */
    protected static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to(uri);
            }
        };
    }

    protected static void enableProducerHealthChecks(CamelContext context) {
        org.apache.camel.health.HealthCheckRegistry registry =
                new org.apache.camel.impl.health.DefaultHealthCheckRegistry(context);
        context.getCamelContextExtension().addContextPlugin(org.apache.camel.health.HealthCheckRegistry.class, registry);
        org.apache.camel.health.HealthCheckRepository producers =
                (org.apache.camel.health.HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
    }

    /** The context's first aerona endpoint of the operation. */
    protected static AeronaEndpoint endpoint(CamelContext context, String operation) {
        return context.getEndpoints().stream()
                .filter(e -> e instanceof AeronaEndpoint a && a.getOperation().name().equals(operation))
                .map(AeronaEndpoint.class::cast).findFirst().orElseThrow();
    }

    /** An attribute of the context's first aerona endpoint of the operation, read through the platform's JMX. */
    protected static Object jmxAttribute(CamelContext context, String operation, String attribute) throws Exception {
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        javax.management.ObjectName mbean = server.queryNames(new javax.management.ObjectName("org.apache.camel:context="
                + context.getManagementName() + ",type=endpoints,name=*"), null).stream()
                .filter(n -> n.getKeyProperty("name").contains(operation)).findFirst().orElseThrow();
        return server.getAttribute(mbean, attribute);
    }

    /** The paths of the API requests the sandbox saw, in the order they arrived (its log is in answering order). */
    protected List<String> apiPathsInArrivalOrder() {
        return sandbox.apiRequests().stream()
                .sorted(java.util.Comparator.comparing(io.github.camelaerona.sandbox.RecordedRequest::at))
                .map(io.github.camelaerona.sandbox.RecordedRequest::path).toList();
    }

    protected ProducerTemplate template(CamelContext context) {
        return context.createProducerTemplate();
    }
}
