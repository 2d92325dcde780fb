package io.github.camelaerona;

import io.github.camelaerona.api.AeronaAuthenticationException;
import io.github.camelaerona.api.AeronaLoginException;
import io.github.camelaerona.sandbox.SandboxFault;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed login says what failed by its status: only 401 and 403 are about the credentials. */
class LoginFailuresTest extends AeronaRouteTestSupport {

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource(delimiter = '|', value = {
            "429|over its rate limit, or the account's token was invalidated",
            "503|Aerona's own failure; the credentials were not judged",
            "500|Aerona's own failure; the credentials were not judged",
            "400|Aerona refused the login of" })
    void aLoginRefusedForAnotherReasonThanTheCredentialsSaysSo(int status, String expected) throws Exception {
        sandbox.injectFault(SandboxFault.status(status, "{\"error\":\"no\"}").path("/login").always());
        AeronaLoginException failure = failedLogin("");
        assertFalse(failure instanceof AeronaAuthenticationException, failure.getMessage());
        assertEquals(status, failure.getStatusCode());
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
        assertFalse(failure.getMessage().contains("username and password"), failure.getMessage());
    }

    @Test
    void aWrongBasePathIsNoLoginAtThatUrl() throws Exception {
        // what a server answers a login at a wrong base path
        sandbox.injectFault(SandboxFault.status(404, "{\"error\":\"Not Found\"}").path("/login").always());
        AeronaLoginException failure = failedLogin("");
        assertEquals(404, failure.getStatusCode());
        assertTrue(failure.getMessage().contains("No login at that URL"), failure.getMessage());
        assertTrue(failure.getMessage().contains("check baseUrl and loginPath"), failure.getMessage());
        assertFalse(failure instanceof AeronaAuthenticationException);
    }

    @Test
    void refusedCredentialsAreAnAuthenticationFailure() throws Exception {
        AeronaLoginException failure = failedLogin("?password=wrong");
        AeronaAuthenticationException refused = assertInstanceOf(AeronaAuthenticationException.class, failure);
        assertEquals(401, refused.getStatusCode());
        assertTrue(refused.getMessage().contains("check the username and password"), refused.getMessage());
        assertFalse(refused.getMessage().contains("wrong"), "the password never appears");
    }

    private AeronaLoginException failedLogin(String options) throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices" + options);
            }
        });
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> context.createProducerTemplate().requestBody("direct:practices", (Object) null));
        assertEquals(1, sandbox.requests().size(), "nothing but the one login was sent: " + sandbox.requests());
        return assertInstanceOf(AeronaLoginException.class, e.getCause());
    }
}
