package io.github.camelaerona;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings as a camel-main application writes them in application.properties: a typo never turns the budget off,
 * and every refusal names the option, the value and what is allowed, before any request is sent.
 */
class ConfigurationErrorsTest extends AeronaRouteTestSupport {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "rate-limit|abc|option rateLimit is 0; allowed: a whole number of 1 or more",
            "rate-limit|0|option rateLimit is 0; allowed: a whole number of 1 or more",
            "rate-limit|-5|option rateLimit is -5; allowed: a whole number of 1 or more",
            "rate-limit-period|fifteen|option rateLimitPeriod is 0 ms; allowed: more than 0, a duration such as",
            "rate-limit-max-wait|-1|option rateLimitMaxWait is -1; allowed: 0 (fail at once) or more",
            "time-zone|Mars/Base|option timeZone is Mars/Base; allowed: a time zone id such as Europe/London",
            "proxy-port|70000|option proxyPort is 70000; allowed: a port number from 1 to 65535",
            "max-connections|0|option maxConnections is 0; allowed: a whole number of 1 or more",
            "token-renew-margin|2h|option tokenRenewMargin is 7200000 ms; allowed: 0 to 1h",
            "base-url|ftp://example.org|option baseUrl is ftp://example.org; allowed: an https:// URL",
            "interactive-reserve|-1|option interactiveReserve is -1; allowed: a whole number of 0 or more",
            "priority|urgent|option priority is urgent; allowed: interactive, normal, background",
            "object-type|Invoice|option objectType is Invoice; allowed: Patient, Appointment, Treatment",
            "lookback-days|-2|option lookbackDays is -2; allowed: a whole number of days, 0 or more",
    })
    void aCamelMainSettingThatCanNeverWorkFailsAtStartupNamingOptionValueAndWhatIsAllowed(String key, String value,
            String expected) {
        Throwable failure = startMainWith(Map.of("camel.component.aerona." + key, value));
        assertNotNull(failure, key + "=" + value + " was accepted");
        String message = rootMessage(failure);
        assertTrue(message.contains(expected), message);
        assertEquals(0, sandbox.requests().size(), "nothing was sent");
    }

    @Test
    void aValueThatIsNotAWholeNumberIsSaidToArriveAsZeroWithTheKeyTheUserWrote() {
        String message = rootMessage(startMainWith(Map.of("camel.component.aerona.rate-limit", "abc")));
        assertTrue(message.contains("a value that is not a whole number, such as abc, arrives as 0"), message);
        assertTrue(message.contains("camel.component.aerona.rate-limit"), message);
        String period = rootMessage(startMainWith(Map.of("camel.component.aerona.rate-limit-period", "fifteen")));
        assertTrue(period.contains("camel.component.aerona.rate-limit-period"), period);
    }

    @Test
    void theSamePropertiesWithSaneValuesStart() {
        assertEquals(null, startMainWith(Map.of("camel.component.aerona.rate-limit", "250",
                "camel.component.aerona.rate-limit-period", "15m", "camel.component.aerona.time-zone", "Europe/London")));
    }

    @Test
    void theBudgetGoesOffOnlyByItsSwitch() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unthrottled").to("aerona:getPractices?rateLimit=2&rateLimitEnabled=false");
            }
        });
        for (int i = 0; i < 5; i++) {
            context.createProducerTemplate().requestBody("direct:unthrottled", (Object) null);
        }
        // two slots would have made the third call wait a whole period; switched off, all five went at once
        assertEquals(6, sandbox.requests().size(), "a login and five calls");
        AeronaEndpoint endpoint = endpoint(context, "getPractices");
        assertEquals(-1, endpoint.getWaitingCalls(), "no budget, so nothing can wait");
    }

    @Test
    void aSharedBudgetOrLimiterBeanWithTheBudgetSwitchedOffIsRefused() {
        Exception refused = assertThrows(Exception.class, () -> startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:x").to("aerona:getPractices?rateLimitEnabled=false&rateLimiter=#limiter");
            }
        }));
        assertTrue(rootMessage(refused).contains("option rateLimiter is a rate limiter bean; allowed: none while"
                + " rateLimitEnabled=false"), rootMessage(refused));
    }

    @Override
    protected void bindBeans(CamelContext context) {
        context.getRegistry().bind("limiter", new BudgetOptionsTest.CountingLimiter());
    }

    private Throwable startMainWith(Map<String, String> properties) {
        Main main = new Main();
        main.addInitialProperty("camel.component.aerona.base-url", sandbox.baseUrl());
        main.addInitialProperty("camel.component.aerona.username", sandbox.username());
        main.addInitialProperty("camel.component.aerona.password", sandbox.password());
        properties.forEach(main::addInitialProperty);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("aerona:getPractices");
                from("aerona:searchPayments?delay=600000&initialDelay=600000").to("log:payments");
            }
        });
        try {
            main.start();
            assertFalse(main.getCamelContext() == null);
            return null;
        } catch (Exception e) {
            return e;
        } finally {
            main.stop();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = ObjectHelper.getException(IllegalArgumentException.class, failure);
        return String.valueOf(root != null ? root.getMessage() : failure.toString());
    }
}
