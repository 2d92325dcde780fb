package io.github.camelaerona;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reply headers CamelAeronaBudgetRemaining and CamelAeronaBudgetWaited, against what the sandbox counted. */
class BudgetHeadersTest extends AeronaRouteTestSupport {

    private Exchange call(CamelContext context) {
        return template(context).request("direct:call", e -> { });
    }

    @Test
    void eachReplySaysWhatIsLeftOfTheBudgetAndThatItDidNotWait() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices?rateLimit=10&interactiveReserve=0"));
        Exchange first = call(context);
        Exchange second = call(context);
        assertEquals(3, sandbox.requests().size(), "a login and two calls");
        // the login took one slot, each call one more: what the sandbox saw is what the budget counted
        assertEquals(10 - 2, first.getMessage().getHeader(AeronaConstants.BUDGET_REMAINING));
        assertEquals(10 - 3, second.getMessage().getHeader(AeronaConstants.BUDGET_REMAINING));
        assertEquals(0L, first.getMessage().getHeader(AeronaConstants.BUDGET_WAITED));
        assertEquals(0L, second.getMessage().getHeader(AeronaConstants.BUDGET_WAITED));
    }

    @Test
    void aCallThatWaitedForASlotSaysHowLong() throws Exception {
        Duration period = Duration.ofSeconds(1);
        CamelContext context = startContext(route("aerona:getPractices?rateLimit=2&interactiveReserve=0&rateLimitPeriod="
                + period.toMillis() + "ms"));
        Exchange first = call(context); // the login and this call take both slots
        Exchange second = call(context);
        assertEquals(0, first.getMessage().getHeader(AeronaConstants.BUDGET_REMAINING));
        long waited = second.getMessage().getHeader(AeronaConstants.BUDGET_WAITED, Long.class);
        assertTrue(waited > 0, "no slot was free, so it waited: " + waited);
        assertEquals(3, sandbox.requests().size());
    }

    @Test
    void withoutABudgetTheRemainderIsUnknown() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices?rateLimitEnabled=false"));
        Exchange reply = call(context);
        assertEquals(-1, reply.getMessage().getHeader(AeronaConstants.BUDGET_REMAINING));
        assertEquals(0L, reply.getMessage().getHeader(AeronaConstants.BUDGET_WAITED));
    }
}
