package io.github.camelaerona;

import io.github.camelaerona.internal.camel.AeronaDevConsole;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account's readiness check and the endpoint's JMX attributes. */
class HealthAndJmxTest extends AeronaRouteTestSupport {

    private String password;

    private boolean consumerChecks = true;

    @Override
    protected void configure(AeronaComponent aerona) {
        aerona.setHealthCheckConsumerEnabled(consumerChecks);
        if (password != null) {
            aerona.getConfiguration().setPassword(password);
        }
    }

    @Override
    protected void bindBeans(CamelContext context) {
        enableProducerHealthChecks(context);
        HealthCheckHelper.getHealthCheckRegistry(context).register(
                HealthCheckHelper.getHealthCheckRegistry(context).resolveById("consumers"));
    }

    private static HealthCheck.Result aeronaReadiness(CamelContext context) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().startsWith("aerona-")).findFirst()
                .orElseThrow(() -> new AssertionError("no aerona check in " + results));
    }

    @Test
    void downWithTheLoginBackoffAfterARefusedLogin() throws Exception {
        password = "not-the-password";
        CamelContext context = startContext(route("aerona:getPractices"));
        assertThrows(Exception.class, () -> context.createProducerTemplate().requestBody("direct:call", (Object) null));
        HealthCheck.Result result = aeronaReadiness(context);
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(String.valueOf(result.getDetails().get("loginBackoff")).startsWith("no new login for "),
                result.getDetails().toString());
        assertTrue(String.valueOf(result.getDetails().get("reason")).contains("check the username and password"),
                result.getDetails().toString());
        assertEquals(1, sandbox.logins().size(), "the check did not log in either: the account is backing off");
    }

    @Test
    void upWithGoodCredentialsAndOneLoginAcrossChecks() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices"));
        for (int i = 0; i < 5; i++) {
            HealthCheck.Result result = aeronaReadiness(context);
            assertEquals(HealthCheck.State.UP, result.getState());
        }
        assertEquals(1, sandbox.logins().size(), "the first check logs in; the held token answers the others");
        context.createProducerTemplate().requestBody("direct:call", (Object) null);
        assertEquals(1, sandbox.logins().size(), "and the route uses the same token");
    }

    @Test
    void theCheckStaysWhileAProducerOfItsAccountRunsAndLeavesWithTheLast() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").routeId("practices").to("aerona:getPractices");
                from("direct:clinicians").routeId("clinicians").to("aerona:getClinicians");
            }
        });
        assertEquals(1, aeronaChecks(context).size(), "one check per account, however many producers use it");

        context.getRouteController().stopRoute("practices");
        context.removeRoute("practices");
        assertEquals(HealthCheck.State.UP, aeronaReadiness(context).getState(), "the other producer still runs");
        assertEquals(1, sandbox.logins().size());

        context.getRouteController().stopRoute("clinicians");
        context.removeRoute("clinicians");
        assertEquals(List.of(), aeronaChecks(context), "no running producer of the account: no check");
        HealthCheckHelper.invokeReadiness(context);
        assertEquals(1, sandbox.logins().size(), "nothing logs in for an account no route uses");
    }

    @Test
    void healthCheckConsumerEnabledSwitchesThePollersOwnCheck() throws Exception {
        for (boolean enabled : new boolean[] { true, false }) {
            consumerChecks = enabled;
            CamelContext context = startContext(new RouteBuilder() {
                @Override
                public void configure() {
                    from("aerona:searchPayments?initialFromDate=" + today() + "&timeZone=Europe/London&delay=60000")
                            .routeId("payments").to("mock:payments");
                }
            });
            // Camel's consumer check of the route stays; what the switch turns off is the poller's own check of its
            // polls (Camel's ScheduledPollConsumer check), which that route check consults
            org.apache.camel.health.HealthCheckAware poller =
                    (org.apache.camel.health.HealthCheckAware) context.getRoute("payments").getConsumer();
            assertEquals(enabled, poller.getHealthCheck().isEnabled(), "healthCheckConsumerEnabled=" + enabled);
            context.close();
        }
    }

    @Test
    void healthCheckProducerEnabledFalseRegistersTheCheckDisabled() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices"));
        context.getComponent("aerona", AeronaComponent.class).setHealthCheckProducerEnabled(false);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:other").to("aerona:getClinicians?username=other-" + sandbox.baseUrl().hashCode());
            }
        });
        List<HealthCheck> checks = aeronaChecks(context);
        assertEquals(2, checks.size(), checks.toString());
        assertEquals(1, checks.stream().filter(c -> !c.isEnabled()).count(), "the check added after the switch is off");
    }

    private static List<HealthCheck> aeronaChecks(CamelContext context) {
        return HealthCheckHelper.getHealthCheckRepository(context, "producers").stream()
                .filter(check -> check.getId().startsWith("aerona-")).toList();
    }

    @Test
    void downWithAClearMessageForBadCredentials() throws Exception {
        password = "not-the-password";
        CamelContext context = startContext(route("aerona:getPractices"));
        for (int i = 0; i < 5; i++) {
            HealthCheck.Result result = aeronaReadiness(context);
            assertEquals(HealthCheck.State.DOWN, result.getState());
            String message = result.getMessage().orElse("");
            assertTrue(message.contains("refused the login") && message.contains("HTTP 401")
                    && message.contains("check the username and password"), message);
            assertFalse(message.contains(password));
        }
        assertEquals(1, sandbox.requests().size(), "one login attempt across five checks");
    }

    @Test
    void devConsoleShowsTheBudgetAndLogins() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices?rateLimit=10&rateLimitPeriod=1m"));
        context.createProducerTemplate().requestBody("direct:call", (Object) null);
        AeronaDevConsole console = new AeronaDevConsole();
        console.setCamelContext(context);
        console.start();
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of());
        List<?> endpoints = (List<?>) json.get("endpoints");
        assertEquals(1, endpoints.size());
        Map<?, ?> endpoint = (Map<?, ?>) endpoints.get(0);
        assertEquals(8, endpoint.get("requestsLeft"));
        assertEquals(1L, endpoint.get("logins"));
        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        assertTrue(text.contains("requests left: 8") && !text.contains(sandbox.password()), text);
        assertTrue(getClass().getResource("/META-INF/services/org/apache/camel/dev-console/aerona") != null,
                "Camel finds the console through its generated service entry");
    }

    @Test
    void jmxShowsTheBudgetAndLogins() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices?rateLimit=10&rateLimitPeriod=1m"));
        context.createProducerTemplate().requestBody("direct:call", (Object) null);
        context.createProducerTemplate().requestBody("direct:call", (Object) null);

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                + ",type=endpoints,name=*"), null);
        ObjectName aerona = names.stream().filter(n -> n.getKeyProperty("name").contains("aerona")).findFirst()
                .orElseThrow(() -> new AssertionError("no aerona endpoint MBean in " + names));
        assertEquals(7, server.getAttribute(aerona, "RequestsLeft"), "10 less a login and two calls");
        assertEquals(1L, server.getAttribute(aerona, "Logins"));
        assertEquals(0L, server.getAttribute(aerona, "MillisToNextSlot"));
        assertEquals(0, server.getAttribute(aerona, "WaitingCalls"));
        assertTrue(((String) server.getAttribute(aerona, "Account")).startsWith(sandbox.username() + " at "));
    }
}
