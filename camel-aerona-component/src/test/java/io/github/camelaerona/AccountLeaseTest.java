package io.github.camelaerona;

import java.time.Duration;

import io.github.camelaerona.internal.account.AccountKey;
import io.github.camelaerona.internal.account.AeronaAccounts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Endpoints lease their account while they run; the account closes once its last lease closed and its window
 * drained. An account has one set of settings: a second endpoint may only tighten the budget.
 */
class AccountLeaseTest extends AeronaRouteTestSupport {

    @Test
    void oneAccountForTwoContextsClosedWithTheLastLease() throws Exception {
        CamelContext first = startContext(route("aerona:getPractices?rateLimit=5&rateLimitPeriod=10s&coalesceReads=false"));
        CamelContext second = startContext(route("aerona:getPractices?rateLimit=5&rateLimitPeriod=10s&coalesceReads=false"));
        first.createProducerTemplate().requestBody("direct:call", (Object) null);
        second.createProducerTemplate().requestBody("direct:call", (Object) null);
        // the budget's timer starts with the first wait for a slot (four calls of their own, not one shared)
        for (int i = 0; i < 4; i++) {
            first.createProducerTemplate().asyncRequestBody("direct:call", null);
        }
        AeronaEndpoint a = first.getEndpoint("aerona:getPractices?rateLimit=5&rateLimitPeriod=10s&coalesceReads=false", AeronaEndpoint.class);
        AeronaEndpoint b = second.getEndpoint("aerona:getPractices?rateLimit=5&rateLimitPeriod=10s&coalesceReads=false", AeronaEndpoint.class);
        assertSame(a.lease().account(), b.lease().account(), "one account, one token, one budget");
        assertTrue(AeronaAccounts.holds(a.lease().account().key()));
        assertEquals(1, sandbox.logins().size());
        await().atMost(Duration.ofSeconds(10)).until(() -> a.getWaitingCalls() > 0);

        first.stop();
        assertNull(a.lease(), "the stopped endpoint gave its lease back");
        assertTrue(AeronaAccounts.holds(b.lease().account().key()), "the second context still holds the account");
        second.createProducerTemplate().requestBody("direct:call", (Object) null);

        AccountKey key = b.lease().account().key();
        second.stop();
        // the budget outlives its endpoints: the account keeps counting its slots until the window (10 s) drained
        assertTrue(AeronaAccounts.holds(key), "the account drains its window before it closes");
        await().atMost(Duration.ofSeconds(40)).until(() -> !AeronaAccounts.holds(key));
    }

    @Test
    void aLaterEndpointWithAnotherBudgetTightensIt() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("aerona:getPractices?socketTimeout=30s&rateLimit=50&rateLimitPeriod=1m");
                from("direct:b").to("aerona:getPractices?rateLimit=10&rateLimitPeriod=1m");
            }
        });
        AeronaEndpoint a = context.getEndpoint("aerona:getPractices?socketTimeout=30s&rateLimit=50&rateLimitPeriod=1m", AeronaEndpoint.class);
        AeronaEndpoint b = context.getEndpoint("aerona:getPractices?rateLimit=10&rateLimitPeriod=1m", AeronaEndpoint.class);
        assertSame(a.lease().account(), b.lease().account());
        assertEquals(10, a.getRequestsLeft(), "the strictest limit applies to both");
        context.createProducerTemplate().requestBody("direct:a", (Object) null);
        context.createProducerTemplate().requestBody("direct:b", (Object) null);
        assertEquals(7, b.getRequestsLeft(), "a login and two calls from one budget");
        assertNotNull(a.getAccount());
        assertFalse(a.getAccount().contains(sandbox.password()));
        assertTrue(sandbox.requests().stream().allMatch(r -> r.status() == 200));
    }

    @Test
    void aLaterEndpointWithOtherAccountSettingsFailsToStartNamingBoth() throws Exception {
        startContext(route("aerona:getPractices?connectTimeout=5s"));
        CamelContext second = new org.apache.camel.impl.DefaultCamelContext();
        AeronaComponent aerona = new AeronaComponent();
        aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());
        aerona.getConfiguration().setUsername(sandbox.username());
        aerona.getConfiguration().setPassword("another-" + sandbox.password());
        aerona.setClock(sandbox.clock());
        second.addComponent("aerona", aerona);
        second.addRoutes(route("aerona:getPractices?connectTimeout=5s&maxConnections=2"));
        second.getCamelContextExtension().setName("second");
        try {
            Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, second::start);
            String message = innermostMessage(failure);
            assertTrue(message.contains("password, maxConnections"), message);
            assertTrue(message.contains("aerona://getPractices?connectTimeout=5s (CamelContext camel-"), message);
            assertTrue(message.contains("maxConnections=2 (CamelContext second)"), message);
            assertFalse(message.contains(sandbox.password()), "no secret in the refusal: " + message);
            assertTrue(sandbox.requests().isEmpty(), "nothing was sent");
        } finally {
            second.stop();
        }
    }

    private static org.apache.camel.support.jsse.SSLContextParameters tls(String protocol) {
        org.apache.camel.support.jsse.SSLContextParameters tls = new org.apache.camel.support.jsse.SSLContextParameters();
        tls.setSecureSocketProtocol(protocol);
        return tls;
    }

    @Test
    void tlsSettingsAreComparedByWhatTheyConfigure() throws Exception {
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        AeronaComponent aerona = new AeronaComponent();
        aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());
        aerona.getConfiguration().setUsername(sandbox.username());
        aerona.getConfiguration().setPassword(sandbox.password());
        aerona.setClock(sandbox.clock());
        context.addComponent("aerona", aerona);
        context.getRegistry().bind("tls12", tls("TLSv1.2"));
        context.getRegistry().bind("sameTls12", tls("TLSv1.2"));
        context.getRegistry().bind("tls13", tls("TLSv1.3"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("aerona:getPractices?sslContextParameters=#tls12");
                from("direct:b").to("aerona:getClinicians?sslContextParameters=#sameTls12");
            }
        });
        context.start();
        try {
            assertSame(context.getEndpoint("aerona:getPractices?sslContextParameters=#tls12", AeronaEndpoint.class)
                    .lease().account(), context.getEndpoint("aerona:getClinicians?sslContextParameters=#sameTls12",
                            AeronaEndpoint.class).lease().account(), "two equal TLS beans: one account");
            Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> context.addRoutes(route("aerona:getAppointmentTypes?sslContextParameters=#tls13")));
            assertTrue(innermostMessage(failure).contains("sets other sslContextParameters"), innermostMessage(failure));
        } finally {
            context.stop();
        }
    }
}
