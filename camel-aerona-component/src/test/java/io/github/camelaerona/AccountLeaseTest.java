package io.github.camelaerona;

import java.time.Duration;
import java.util.List;

import io.github.camelaerona.account.AccountKey;
import io.github.camelaerona.account.AeronaAccounts;
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

/** Endpoints lease their account while they run; the account's pool and timer end with the last lease. */
class AccountLeaseTest extends AeronaRouteTestSupport {

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to(uri);
            }
        };
    }

    private List<Thread> budgetThreads() {
        String name = "aerona-budget-127.0.0.1:" + sandbox.port() + "/";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(name) && t.isAlive()).toList();
    }

    @Test
    void oneAccountForTwoContextsClosedWithTheLastLease() throws Exception {
        CamelContext first = startContext(route("aerona:getPractices?rateLimit=5&rateLimitPeriod=10s"));
        CamelContext second = startContext(route("aerona:getPractices?rateLimit=5&rateLimitPeriod=10s"));
        first.createProducerTemplate().requestBody("direct:call", (Object) null);
        second.createProducerTemplate().requestBody("direct:call", (Object) null);
        // the budget's timer starts with the first wait for a slot
        for (int i = 0; i < 4; i++) {
            first.createProducerTemplate().asyncRequestBody("direct:call", null);
        }
        AeronaEndpoint a = first.getEndpoint("aerona:getPractices?rateLimit=5&rateLimitPeriod=10s", AeronaEndpoint.class);
        AeronaEndpoint b = second.getEndpoint("aerona:getPractices?rateLimit=5&rateLimitPeriod=10s", AeronaEndpoint.class);
        assertSame(a.lease().account(), b.lease().account(), "one account, one token, one budget");
        assertTrue(AeronaAccounts.holds(a.lease().account().key()));
        assertEquals(1, sandbox.logins().size());
        await().atMost(Duration.ofSeconds(10)).until(() -> a.getWaitingCalls() > 0 && !budgetThreads().isEmpty());

        first.stop();
        assertNull(a.lease(), "the stopped endpoint gave its lease back");
        assertTrue(AeronaAccounts.holds(b.lease().account().key()), "the second context still holds the account");
        second.createProducerTemplate().requestBody("direct:call", (Object) null);

        AccountKey key = b.lease().account().key();
        second.stop();
        // the budget outlives its endpoints: the account keeps counting its slots until the window (10 s) drained
        assertTrue(AeronaAccounts.holds(key), "the account drains its window before it closes");
        await().atMost(Duration.ofSeconds(40)).until(() -> !AeronaAccounts.holds(key));
        await().atMost(Duration.ofSeconds(10)).until(() -> budgetThreads().isEmpty());
    }

    @Test
    void aLaterEndpointWithOtherSettingsKeepsTheAccountsAndTightensOnlyTheBudget() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("aerona:getPractices?socketTimeout=30s&rateLimit=50&rateLimitPeriod=1m");
                from("direct:b").to("aerona:getPractices?maxConnections=2&rateLimit=10&rateLimitPeriod=1m");
            }
        });
        AeronaEndpoint a = context.getEndpoint("aerona:getPractices?socketTimeout=30s&rateLimit=50&rateLimitPeriod=1m", AeronaEndpoint.class);
        AeronaEndpoint b = context.getEndpoint("aerona:getPractices?maxConnections=2&rateLimit=10&rateLimitPeriod=1m", AeronaEndpoint.class);
        assertSame(a.lease().account(), b.lease().account());
        assertEquals(10, a.getRequestsLeft(), "the strictest limit applies to both");
        context.createProducerTemplate().requestBody("direct:a", (Object) null);
        context.createProducerTemplate().requestBody("direct:b", (Object) null);
        assertEquals(7, b.getRequestsLeft(), "a login and two calls from one budget");
        assertNotNull(a.getAccount());
        assertFalse(a.getAccount().contains(sandbox.password()));
        assertTrue(sandbox.requests().stream().allMatch(r -> r.status() == 200));
    }
}
