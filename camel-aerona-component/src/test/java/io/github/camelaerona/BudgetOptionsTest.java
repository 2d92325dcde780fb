package io.github.camelaerona;

import io.github.camelaerona.api.AeronaRateLimiter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.internal.account.SlidingWindowRateLimiter;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The limiter options: a custom limiter bean, the strictest of differing limits, and the proxy route. */
class BudgetOptionsTest extends AeronaRouteTestSupport {

    /** Counts what passes; a stand-in for a limiter backed by a shared store. */
    static final class CountingLimiter implements AeronaRateLimiter {
        final AtomicInteger acquired = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();

        @Override
        public CompletableFuture<Permit> acquire(Duration maxWait) {
            acquired.incrementAndGet();
            return CompletableFuture.completedFuture(released::incrementAndGet);
        }
    }

    private final CountingLimiter shared = new CountingLimiter();

    @Override
    protected void bindBeans(CamelContext context) {
        context.getRegistry().bind("sharedLimiter", shared);
    }

    @Test
    void customLimiterBeanSeesEveryRequestLoginsIncluded() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("aerona:getPractices?rateLimiter=#sharedLimiter");
            }
        });
        for (int i = 0; i < 3; i++) {
            context.createProducerTemplate().requestBody("direct:call", (Object) null);
        }
        assertEquals(4, sandbox.requests().size());
        assertEquals(4, shared.acquired.get(), "the login and three calls");
        assertEquals(4, shared.released.get(), "every permit is given back when its response arrived");
    }

    @Test
    void endpointsWithDifferentLimitsShareTheStrictest() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("aerona:getPractices?rateLimit=50&rateLimitPeriod=1m");
                from("direct:b").to("aerona:getPatient?rateLimit=20&rateLimitPeriod=30s");
            }
        });
        AeronaEndpoint a = context.getEndpoint("aerona:getPractices?rateLimit=50&rateLimitPeriod=1m", AeronaEndpoint.class);
        AeronaEndpoint b = context.getEndpoint("aerona:getPatient?rateLimit=20&rateLimitPeriod=30s", AeronaEndpoint.class);
        assertSame(a.lease().account().limiter(), b.lease().account().limiter());
        SlidingWindowRateLimiter limiter = (SlidingWindowRateLimiter) a.lease().account().limiter();
        assertEquals(20, limiter.limit());
        assertEquals(Duration.ofMinutes(1), limiter.period());
    }

    @Test
    void proxySettingsSendRequestsThroughTheProxy() throws Exception {
        // a second sandbox acts as the proxy: it receives the absolute-URI requests and serves them itself
        try (AeronaSandbox proxy = AeronaSandbox.builder().user(sandbox.username(), sandbox.password()).start()) {
            CamelContext context = startContext(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").to("aerona:getPractices?baseUrl=http://127.0.0.1:9/AeronaAPI/v1"
                            + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port());
                }
            });
            context.createProducerTemplate().requestBody("direct:call", (Object) null);
            assertEquals(2, proxy.requests().size(), "the login and the call went through the proxy");
            assertEquals("127.0.0.1:9", proxy.requests().get(1).header("Host"));
            assertEquals(0, sandbox.requests().size());
        }
    }
}
