package io.github.camelaerona;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelaerona.api.AeronaApiException;
import io.github.camelaerona.api.AeronaLoginException;
import io.github.camelaerona.api.AeronaException;
import io.github.camelaerona.api.AeronaRateLimiter;
import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.sandbox.SandboxFault;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server that misbehaves, a limiter that throws, hostile input and a stop in the middle: nothing hangs or leaks. */
class HostileRepliesTest extends AeronaRouteTestSupport {

    /** A limiter whose store is down for the first call, as a Redis or JDBC client can be. */
    static final class FlakyLimiter implements AeronaRateLimiter {
        final AtomicBoolean broken = new AtomicBoolean(true);

        @Override
        public CompletableFuture<Permit> acquire(Duration maxWait) {
            if (broken.getAndSet(false)) {
                throw new IllegalStateException("connection to the budget store refused");
            }
            return CompletableFuture.completedFuture(() -> { });
        }
    }

    private final FlakyLimiter flaky = new FlakyLimiter();

    @Override
    protected void bindBeans(CamelContext context) {
        context.getRegistry().bind("flaky", flaky);
    }

    private ProducerTemplate start(String uri) throws Exception {
        return startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to(uri);
            }
        }).createProducerTemplate();
    }

    private static <T extends Throwable> T failure(Class<T> type, Runnable call) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, call::run);
        return assertInstanceOf(type, e.getCause(), () -> "got " + e.getCause());
    }

    @Test
    void aLimiterThatThrowsFailsOneCallAndLeavesTheAccountUsable() throws Exception {
        ProducerTemplate template = start("aerona:getPractices?rateLimiter=#flaky");
        IllegalStateException e = failure(IllegalStateException.class, () -> template.requestBody("direct:call", (Object) null));
        assertTrue(e.getMessage().contains("budget store"));
        List<?> practices = template.requestBody("direct:call", null, List.class);
        assertEquals(3, practices.size(), "the next call logs in and works");
        assertEquals(1, sandbox.logins().size());
    }

    @Test
    void aDrippingReplyIsCutOffAtCallTimeout() throws Exception {
        ProducerTemplate template = start("aerona:getPractices?socketTimeout=2s&callTimeout=1500ms");
        template.requestBody("direct:call", (Object) null);
        sandbox.injectFault(SandboxFault.drip(Duration.ofMillis(100)).path("/practices"));
        AeronaException e = failure(AeronaException.class, () -> template.requestBody("direct:call", (Object) null));
        assertTrue(e.getMessage().contains("callTimeout"), e.getMessage());
        assertEquals(3, template.requestBody("direct:call", null, List.class).size(), "the next call is fine");
    }

    @Test
    void aSlowLoginIsCutOffAtCallTimeoutToo() throws Exception {
        ProducerTemplate template = start("aerona:getPractices?socketTimeout=20s&callTimeout=1s");
        sandbox.injectFault(SandboxFault.delay(Duration.ofSeconds(5)).path("/login"));
        AeronaException e = failure(AeronaException.class, () -> template.requestBody("direct:call", (Object) null));
        assertTrue(e.getMessage().contains("callTimeout"), e.getMessage());
        assertEquals(3, template.requestBody("direct:call", null, List.class).size());
    }

    @Test
    void aReplyLargerThanMaxReplySizeIsNotRead() throws Exception {
        ProducerTemplate template = start("aerona:searchPayments?maxReplySize=2000");
        AeronaApiException e = failure(AeronaApiException.class, () -> template.requestBodyAndHeader("direct:call", null,
                AeronaConstants.FROM_DATE, today().minusMonths(5)));
        assertTrue(e.getMessage().contains("maxReplySize (2000 bytes)"), e.getMessage());
        assertEquals(200, e.getStatusCode());
    }

    @Test
    void aHugeErrorPageIsKeptOnlyAsAnExcerpt() throws Exception {
        ProducerTemplate template = start("aerona:getPractices");
        String page = "<html>" + "x".repeat(300_000) + "</html>";
        sandbox.injectFault(SandboxFault.status(502, page).path("/practices"));
        AeronaApiException e = failure(AeronaApiException.class, () -> template.requestBody("direct:call", (Object) null));
        assertEquals(502, e.getStatusCode());
        assertEquals(AeronaApiException.MAX_REPLY_KEPT, e.getResponseBody().length());
        assertTrue(e.getMessage().length() < 1_000, "the message quotes an excerpt only");
    }

    @Test
    void aLoginReplyThatEchoesTheRequestNeverQuotesThePassword() throws Exception {
        ProducerTemplate template = start("aerona:getPractices");
        sandbox.injectFault(SandboxFault.status(400, "{\"error\":\"bad request\",\"echo\":{\"username\":\""
                + sandbox.username() + "\",\"password\":\"" + sandbox.password() + "\"}}").path("/login"));
        AeronaLoginException e = failure(AeronaLoginException.class,
                () -> template.requestBody("direct:call", (Object) null));
        assertFalse(e.getMessage().contains(sandbox.password()), e.getMessage());
        assertFalse(e.getResponseBody().contains(sandbox.password()), e.getResponseBody());
        assertTrue(e.getResponseBody().contains("****"));
    }

    @Test
    void theUsernameIsMaskedOnlyWhereItStandsAsAWholeValue() throws Exception {
        ProducerTemplate template = start("aerona:getPractices");
        String user = sandbox.username();
        sandbox.injectFault(SandboxFault.status(429, "{\"error\":\"" + user + "s share one limit\",\"user\":\"" + user
                + "\",\"status\":429}").path("/login"));
        AeronaLoginException e = failure(AeronaLoginException.class, () -> template.requestBody("direct:call", (Object) null));
        assertEquals("{\"error\":\"" + user + "s share one limit\",\"user\":\"****\",\"status\":429}", e.getResponseBody());
    }

    @Test
    void aLoginAnsweredWithoutATokenSaysWhatWasMissing() throws Exception {
        ProducerTemplate template = start("aerona:getPractices");
        sandbox.injectFault(SandboxFault.status(200, "{}").path("/login"));
        AeronaLoginException e = failure(AeronaLoginException.class,
                () -> template.requestBody("direct:call", (Object) null));
        assertTrue(e.getMessage().contains("without the AERONA-AUTH-TOKEN header"), e.getMessage());
    }

    @Test
    void aNullReplyOrANullInAListIsAnError() throws Exception {
        ProducerTemplate template = start("aerona:getPractices");
        sandbox.injectFault(SandboxFault.rewriteReply(body -> "null").path("/practices"));
        AeronaApiException none = failure(AeronaApiException.class, () -> template.requestBody("direct:call", (Object) null));
        assertTrue(none.getMessage().contains("null"), none.getMessage());
        sandbox.injectFault(SandboxFault.rewriteReply(body -> body.replaceFirst("^\\[", "[null,")).path("/practices"));
        AeronaApiException hole = failure(AeronaApiException.class, () -> template.requestBody("direct:call", (Object) null));
        assertTrue(hole.getMessage().contains("index 0"), hole.getMessage());
    }

    @Test
    void hostileInputIsQuotedShortAndWithoutLineBreaks() throws Exception {
        ProducerTemplate template = start("aerona:getPatient");
        String huge = "9".repeat(5_000_000);
        AeronaValidationException big = failure(AeronaValidationException.class,
                () -> template.requestBodyAndHeader("direct:call", null, AeronaConstants.PATIENT_ID, huge));
        assertTrue(big.getMessage().length() < 400, "message of " + big.getMessage().length() + " characters");
        AeronaValidationException forged = failure(AeronaValidationException.class,
                () -> template.requestBodyAndHeader("direct:call", null, AeronaConstants.PATIENT_ID,
                        "1\r\n2026-11-25 INFO forged log line"));
        assertFalse(forged.getMessage().contains("\n") || forged.getMessage().contains("\r"), forged.getMessage());
        AeronaValidationException operation = failure(AeronaValidationException.class,
                () -> template.requestBodyAndHeader("direct:call", null, AeronaConstants.OPERATION, "x\ny".repeat(100_000)));
        assertTrue(operation.getMessage().length() < 600 && !operation.getMessage().contains("\n"));
        assertTrue(sandbox.requests().isEmpty());
    }

    @Test
    void stoppingTheContextFailsCallsWaitingForTheBudgetAtOnce() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("aerona:getPractices?rateLimit=2&rateLimitPeriod=10m&rateLimitMaxWait=15m"
                        + "&coalesceReads=false");
            }
        });
        // no graceful wait to hide behind: calls still waiting when the context stops must end on their own
        context.getShutdownStrategy().setTimeout(60);
        ProducerTemplate template = context.createProducerTemplate();
        template.requestBody("direct:call", (Object) null); // the login and one call use the budget
        List<CompletableFuture<Object>> waiting = List.of(template.asyncRequestBody("direct:call", null),
                template.asyncRequestBody("direct:call", null), template.asyncRequestBody("direct:call", null));
        AeronaEndpoint endpoint = context.getEndpoint("aerona:getPractices?rateLimit=2&rateLimitPeriod=10m&rateLimitMaxWait=15m",
                AeronaEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.getWaitingCalls() == 3);
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(context::stop);
        await().atMost(Duration.ofSeconds(20)).until(stopped::isDone);
        for (CompletableFuture<Object> call : waiting) {
            Throwable failure = assertThrows(Exception.class, call::join);
            Throwable cause = failure;
            while (cause != null && !(cause instanceof AeronaException)) {
                cause = cause.getCause();
            }
            assertInstanceOf(AeronaException.class, cause, failure::toString);
            assertTrue(cause.getMessage().contains("stopped") && cause.getMessage().contains("not sent"), cause.getMessage());
        }
        assertEquals(2, sandbox.requests().size(), "the waiting calls were never sent");
    }
}
