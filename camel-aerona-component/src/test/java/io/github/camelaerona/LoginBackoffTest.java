package io.github.camelaerona;

import java.time.Duration;

import io.github.camelaerona.internal.account.AeronaAccount;
import io.github.camelaerona.api.AeronaAuthenticationException;
import io.github.camelaerona.api.AeronaLoginException;
import io.github.camelaerona.sandbox.SandboxFault;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a refused login the account backs off: calls fail at once, unsent, until loginBackoff (doubling) is over. */
class LoginBackoffTest extends AeronaRouteTestSupport {

    private CamelContext start(String options) throws Exception {
        return startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices" + options);
            }
        });
    }

    private static AeronaLoginException failure(ProducerTemplate template) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:practices", (Object) null));
        return assertInstanceOf(AeronaLoginException.class, e.getCause());
    }

    @Test
    void aWrongPasswordMakesOneRefusedLoginNotOnePerCall() throws Exception {
        ProducerTemplate template = start("?password=wrong").createProducerTemplate();
        AeronaLoginException first = failure(template);
        for (int i = 0; i < 20; i++) {
            AeronaLoginException again = failure(template);
            assertInstanceOf(AeronaAuthenticationException.class, again);
            assertEquals(first.getMessage(), again.getMessage(), "the last login's exception");
        }
        assertEquals(1, sandbox.requests().size(), "one refused login, the other 20 calls unsent");
    }

    @Test
    void theBackoffDoublesAndALoginThatSucceedsClearsIt() throws Exception {
        CamelContext context = start("?loginBackoff=2s");
        ProducerTemplate template = context.createProducerTemplate();
        AeronaAccount account = endpoint(context, "getPractices").lease().account();
        sandbox.injectFault(SandboxFault.status(503, "{\"error\":\"down\"}").path("/login").times(2));

        failure(template);
        assertEquals(1, sandbox.logins().size());
        assertTrue(account.loginBackoffRemaining().compareTo(Duration.ZERO) > 0);
        // once 2 s are over, the next call logs in again; refused again, the wait is now 4 s
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            failure(template);
            return sandbox.logins().size() == 2;
        });
        assertTrue(account.loginBackoffRemaining().compareTo(Duration.ofMillis(2_000)) > 0,
                "doubled: " + account.loginBackoffRemaining());
        // the third login succeeds and clears the backoff: calls go through again
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> template.requestBody("direct:practices", (Object) null) != null);
        assertEquals(3, sandbox.logins().size());
        assertEquals(Duration.ZERO, account.loginBackoffRemaining());
        template.requestBody("direct:practices", (Object) null);
        assertEquals(3, sandbox.logins().size(), "the token is held");
    }

    @Test
    void aNegativeBackoffIsRefusedAtStartup() {
        Exception refused = assertThrows(Exception.class, () -> start("?loginBackoff=-1"));
        assertTrue(innermostMessage(refused).contains("option loginBackoff is -1; allowed: 0 (no backoff) or more"),
                innermostMessage(refused));
    }
}
