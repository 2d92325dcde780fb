package io.github.camelaerona;

import io.github.camelaerona.api.AeronaApiException;
import io.github.camelaerona.api.AeronaAuthenticationException;
import io.github.camelaerona.api.AeronaRateLimitException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.SandboxFault;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login, token reuse, renewal and the transparent re-login on 401, as the sandbox sees them. */
class SessionTest extends AeronaRouteTestSupport {

    /** The component's clock when a test wants one apart from the sandbox's. */
    private Clock componentClock;

    @Override
    protected void configure(AeronaComponent aerona) {
        if (componentClock != null) {
            aerona.setClock(componentClock);
        }
    }

    private static RouteBuilder practicesRoute(String uriOptions) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices" + uriOptions);
            }
        };
    }

    @Test
    void thirtyTwoConcurrentFirstCallsLogInOnce() throws Exception {
        // each call its own request, so that 32 requests show one token (identical reads would share one)
        ProducerTemplate template = startContext(practicesRoute("?coalesceReads=false")).createProducerTemplate();
        ExecutorService threads = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(threads.submit(() -> {
                go.await();
                return template.requestBody("direct:practices", (Object) null);
            }));
        }
        go.countDown();
        for (Future<Object> call : calls) {
            assertEquals(3, ((List<?>) call.get(30, TimeUnit.SECONDS)).size());
        }
        threads.shutdown();
        assertEquals(1, sandbox.logins().size(), "exactly one login for 32 concurrent first calls");
        assertEquals(32, sandbox.apiRequests().size());
        assertEquals(1, sandbox.apiRequests().stream().map(RecordedRequest::token).distinct().count(), "all share one token");
        assertEquals(1, sandbox.stats().logins());
    }

    @Test
    void invalidatedTokenCostsOneLoginAndNoCallerError() throws Exception {
        ProducerTemplate template = startContext(practicesRoute("")).createProducerTemplate();
        template.requestBody("direct:practices", (Object) null);
        assertEquals(1, sandbox.invalidateTokens(sandbox.username()));

        Object result = template.requestBody("direct:practices", (Object) null);
        assertEquals(3, ((List<?>) result).size(), "the caller never sees the 401");
        assertEquals(2, sandbox.logins().size());
        List<RecordedRequest> calls = sandbox.apiRequests();
        assertEquals(List.of(200, 401, 200), calls.stream().map(RecordedRequest::status).toList());
        assertNotEquals(calls.get(1).token(), calls.get(2).token(), "the retry carries the new token");
    }

    @Test
    void tokenExpiredOnTheServerIsRenewedTransparently() throws Exception {
        // the component's clock stands still while the sandbox's moves on: the token expires on the server unforeseen
        componentClock = Clock.fixed(NOW, LONDON);
        ProducerTemplate template = startContext(practicesRoute("")).createProducerTemplate();
        template.requestBody("direct:practices", (Object) null);
        sandbox.clock().advance(Duration.ofMinutes(61));
        template.requestBody("direct:practices", (Object) null);
        template.requestBody("direct:practices", (Object) null);
        assertEquals(2, sandbox.logins().size(), "one login per token lifetime");
        assertEquals(List.of(200, 401, 200, 200), sandbox.apiRequests().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void tokenIsRenewedBeforeItsHourIsUp() throws Exception {
        // a margin of the whole hour makes every token due for renewal at once: each call logs in first
        ProducerTemplate template = startContext(practicesRoute("?tokenRenewMargin=60m")).createProducerTemplate();
        for (int i = 0; i < 3; i++) {
            template.requestBody("direct:practices", (Object) null);
        }
        assertEquals(3, sandbox.logins().size());
        assertTrue(sandbox.apiRequests().stream().allMatch(r -> r.status() == 200), "renewed before use, never a 401");
    }

    @Test
    void tokenIsRenewedOnTheComponentClockShortlyBeforeItsHour() throws Exception {
        ProducerTemplate template = startContext(practicesRoute("")).createProducerTemplate();
        template.requestBody("direct:practices", (Object) null);
        sandbox.clock().advance(Duration.ofMinutes(54));
        template.requestBody("direct:practices", (Object) null);
        assertEquals(1, sandbox.logins().size(), "six minutes left: still good");
        sandbox.clock().advance(Duration.ofMinutes(2));
        template.requestBody("direct:practices", (Object) null);
        assertEquals(2, sandbox.logins().size(), "four minutes left, inside the 5 minute margin: renewed");
        assertTrue(sandbox.apiRequests().stream().allMatch(r -> r.status() == 200), "renewed before use, never a 401");
    }

    @Test
    void tokenIsReusedWithinItsLife() throws Exception {
        ProducerTemplate template = startContext(practicesRoute("")).createProducerTemplate();
        for (int i = 0; i < 5; i++) {
            template.requestBody("direct:practices", (Object) null);
        }
        assertEquals(1, sandbox.logins().size());
        assertEquals(5, sandbox.apiRequests().size());
    }

    @Test
    void twoContextsOfOneAccountShareOneLoginAndOneBudget() throws Exception {
        // 4 requests a minute, shared: the login and three calls from the first context use it all up
        RouteBuilder limited = practicesRoute("?rateLimit=4&rateLimitPeriod=1m&rateLimitMaxWait=300ms");
        CamelContext first = startContext(limited);
        CamelContext second = startContext(limited);
        ProducerTemplate one = first.createProducerTemplate();
        ProducerTemplate two = second.createProducerTemplate();
        one.requestBody("direct:practices", (Object) null);
        two.requestBody("direct:practices", (Object) null);
        one.requestBody("direct:practices", (Object) null);
        assertEquals(1, sandbox.logins().size(), "one login for both contexts");

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> two.requestBody("direct:practices", (Object) null));
        assertInstanceOf(AeronaRateLimitException.class, e.getCause());
        assertEquals(4, sandbox.requests().size(), "the second context had no budget of its own");

        AeronaEndpoint a = first.getEndpoint("aerona:getPractices?rateLimit=4&rateLimitPeriod=1m&rateLimitMaxWait=300ms", AeronaEndpoint.class);
        AeronaEndpoint b = second.getEndpoint("aerona:getPractices?rateLimit=4&rateLimitPeriod=1m&rateLimitMaxWait=300ms", AeronaEndpoint.class);
        assertSame(a.lease().account(), b.lease().account());
    }

    @Test
    void refusedLoginThrowsOnceWithoutALoopOfLogins() throws Exception {
        CamelContext context = startContext(practicesRoute("?password=wrong"));
        ProducerTemplate template = context.createProducerTemplate();
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:practices", (Object) null));
        AeronaAuthenticationException refused = assertInstanceOf(AeronaAuthenticationException.class, e.getCause());
        assertEquals(401, refused.getStatusCode());
        assertTrue(refused.getResponseBody().contains("Invalid username or password"));
        assertEquals(1, sandbox.requests().size(), "one login attempt, no API call");
        assertThrows(CamelExecutionException.class, () -> template.requestBody("direct:practices", (Object) null));
        assertEquals(1, sandbox.requests().size(), "the next call fails at once: the account backs off (loginBackoff)");
    }

    @Test
    void persistent401IsRetriedOnceThenReported() throws Exception {
        ProducerTemplate template = startContext(practicesRoute("")).createProducerTemplate();
        sandbox.injectFault(SandboxFault.status(401, "{\"error\":\"Token invalidated\"}").path("/practices").always());
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:practices", (Object) null));
        AeronaApiException failure = assertInstanceOf(AeronaApiException.class, e.getCause());
        assertEquals(401, failure.getStatusCode());
        assertEquals("getPractices", failure.getOperation());
        assertEquals(2, sandbox.logins().size());
        assertEquals(2, sandbox.apiRequests().size(), "one retry, no loop");
    }
}
