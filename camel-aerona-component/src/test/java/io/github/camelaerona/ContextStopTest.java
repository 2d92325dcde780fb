package io.github.camelaerona;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** One CamelContext stopping fails only its own waiting calls: a login that another context's calls wait for goes on. */
class ContextStopTest extends AeronaRouteTestSupport {

    // two slots per 3 s, and the token renewed 2 s after its login: the renewal must wait for the budget
    private static final String OPTIONS = "?rateLimit=2&rateLimitPeriod=3s&tokenRenewMargin=3598s";

    private static RouteBuilder route() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices" + OPTIONS);
            }
        };
    }

    @Test
    void aLoginStartedByAContextThatStopsStillServesTheOtherContextsCalls() throws Exception {
        CamelContext a = startContext(route());
        CamelContext b = startContext(route());
        a.createProducerTemplate().requestBody("direct:practices", (Object) null); // login + call: the window is full
        AeronaEndpoint endpointA = endpoint(a, "getPractices");
        await().atMost(Duration.ofSeconds(10)).until(() -> !endpointA.lease().account().hasValidToken());

        // A's call starts the renewal, which waits for the budget; B's calls join that login
        CompletableFuture<Object> fromA = a.createProducerTemplate().asyncRequestBody("direct:practices", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> endpointA.getWaitingCalls() > 0);
        List<CompletableFuture<Object>> fromB = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            fromB.add(b.createProducerTemplate().asyncRequestBody("direct:practices", null));
        }
        a.stop();

        for (CompletableFuture<Object> call : fromB) {
            assertInstanceOf(List.class, call.get(30, TimeUnit.SECONDS), "B's call was answered");
        }
        assertEquals(2, sandbox.logins().size(), "the first login and the one renewal");
        fromA.handle((reply, failure) -> null).get(30, TimeUnit.SECONDS);
    }
}
