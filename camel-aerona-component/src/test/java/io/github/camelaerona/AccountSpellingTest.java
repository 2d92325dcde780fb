package io.github.camelaerona;

import java.util.List;

import io.github.camelaerona.internal.account.AccountKey;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One server in any spelling is one account: one token and one budget, whatever the endpoints wrote. */
class AccountSpellingTest extends AeronaRouteTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "HTTPS://AeronaDental.com:443/AeronaAPI/v1/, https://aeronadental.com/AeronaAPI/v1",
            "https://aeronadental.com/AeronaAPI/v1//, https://aeronadental.com/AeronaAPI/v1",
            "http://127.0.0.1:80/AeronaAPI/v1, http://127.0.0.1/AeronaAPI/v1",
            "https://aeronadental.com:8443/AeronaAPI/v1, https://aeronadental.com:8443/AeronaAPI/v1",
            "https://aeronadental.com/aeronaapi/V1, https://aeronadental.com/aeronaapi/V1" })
    void theKeyIsTheCanonicalSpelling(String written, String canonical) {
        assertEquals(canonical, new AccountKey(written, "u").baseUrl());
    }

    @Test
    void twoSpellingsOfTheSandboxShareOneLoginAndOneBudget() throws Exception {
        String plain = sandbox.baseUrl();
        String shouted = plain.replace("http://", "HTTP://") + "/";
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("aerona:getPractices?rateLimit=3&rateLimitPeriod=1m&rateLimitMaxWait=0&baseUrl=" + plain);
                from("direct:b").to("aerona:getPractices?rateLimit=3&rateLimitPeriod=1m&rateLimitMaxWait=0&baseUrl=" + shouted);
            }
        });
        List<AeronaEndpoint> endpoints = context.getEndpoints().stream().filter(AeronaEndpoint.class::isInstance)
                .map(AeronaEndpoint.class::cast).toList();
        assertEquals(2, endpoints.size());
        assertSame(endpoints.get(0).lease().account(), endpoints.get(1).lease().account());
        ProducerTemplate template = context.createProducerTemplate();
        template.requestBody("direct:a", (Object) null);
        template.requestBody("direct:b", (Object) null);
        // a login and two calls: the budget of 3 is spent, whichever spelling asks next
        Exception refused = assertThrows(Exception.class,
                () -> template.requestBody("direct:b", (Object) null));
        assertTrue(innermostMessage(refused).contains("rate"), innermostMessage(refused));
        assertEquals(1, sandbox.logins().size());
        assertEquals(3, sandbox.requests().size());
    }

    @Test
    void oneUsernameUnderTwoBaseUrlsIsLoggedOnceNamingBoth() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of("io.github.camelaerona.internal.account")) {
            String other = sandbox.baseUrl().replace("/AeronaAPI/v1", "/aerona-api/v1");
            startContext(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to("aerona:getPractices");
                    from("direct:b").to("aerona:getPractices?baseUrl=" + other);
                    from("direct:c").to("aerona:getClinicians?baseUrl=" + other);
                }
            });
            // logged once for the new base URL, naming an account of the user the JVM holds (in a test run that may
            // be another test's sandbox, over http or https: the same user on another port); two endpoints on it
            // warn once
            List<String> warnings = logs.lines().stream().filter(l -> l.contains("is used under two base URLs")
                    && l.contains(other)).toList();
            assertEquals(1, warnings.size(), logs.lines().toString());
            assertTrue(warnings.get(0).matches(".*two base URLs, https?://127\\.0\\.0\\.1:[0-9]+/AeronaAPI/v1 and .*"),
                    warnings.get(0));
        }
    }
}
