package io.github.camelaerona;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelaerona.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The option userAgent: the User-Agent header of every request, logins included. */
class UserAgentTest extends AeronaRouteTestSupport {

    private static RouteBuilder routes(String... uris) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < uris.length; i++) {
                    from("direct:call" + i).to(uris[i]);
                }
            }
        };
    }

    private Set<String> userAgentsSeen() {
        return sandbox.requests().stream().map(r -> String.valueOf(r.header("User-Agent")))
                .collect(Collectors.toSet());
    }

    @Test
    void everyRequestNamesTheConnectorByDefault() throws Exception {
        CamelContext context = startContext(routes("aerona:getPractices"));
        template(context).requestBody("direct:call0", (Object) null);
        List<RecordedRequest> requests = sandbox.requests();
        assertEquals(2, requests.size(), "the login and the call");
        assertEquals(Set.of("camel-aerona"), userAgentsSeen());
    }

    @Test
    void theOptionNamesTheIntegrationOnTheLoginAndEveryCall() throws Exception {
        CamelContext context = startContext(routes("aerona:getPractices?userAgent=clinic-sync/2.1 (finance)"));
        template(context).requestBody("direct:call0", (Object) null);
        assertEquals(1, sandbox.logins().size());
        assertEquals(Set.of("clinic-sync/2.1 (finance)"), userAgentsSeen());
    }

    @Test
    void aValueThatCouldSplitTheHeaderIsRefusedBeforeAnyRequest() {
        Exception failure = assertThrows(Exception.class,
                () -> startContext(routes("aerona:getPractices?userAgent=sync%0D%0AX-Forged: yes")));
        String message = innermostMessage(failure);
        assertTrue(message.contains("option userAgent is"), message);
        assertTrue(message.contains("printable ASCII text"), message);
        assertFalse(message.contains("\r"), "the value is quoted with its control characters escaped: " + message);
        assertEquals(List.of(), sandbox.requests());
    }

    @Test
    void twoEndpointsOfOneAccountMustAgreeOnIt() {
        Exception failure = assertThrows(Exception.class, () -> startContext(
                routes("aerona:getPractices?userAgent=one", "aerona:getClinicians?userAgent=two")));
        assertTrue(innermostMessage(failure).contains("sets other userAgent"), innermostMessage(failure));
    }
}
