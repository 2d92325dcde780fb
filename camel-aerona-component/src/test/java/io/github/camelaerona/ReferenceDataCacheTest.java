package io.github.camelaerona;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.api.BudgetReport;
import io.github.camelaerona.model.AppointmentType;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.SandboxFault;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * referenceDataTtl: replies of getPractices, getClinicians and getAppointmentTypes kept per account and parameters,
 * read on the sandbox's clock (which the component shares), so a test moves time instead of waiting for it.
 */
class ReferenceDataCacheTest extends AeronaRouteTestSupport {

    private CamelContext start(String options) throws Exception {
        return startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:types").to("aerona:getAppointmentTypes?practiceId=9876" + options);
                from("direct:practices").to("aerona:getPractices?throwExceptionOnFailure=true" + options);
                from("direct:patient").to("aerona:getPatient?patientId=426709" + options);
            }
        });
    }

    private Exchange call(CamelContext context, String uri, Map<String, Object> headers) {
        return template(context).send(uri, e -> e.getMessage().setHeaders(new java.util.HashMap<>(headers)));
    }

    /** The sandbox clock moved by {@code moved}, and runs on in real time between the calls. */
    private static void assertAge(Duration moved, Exchange kept) {
        long age = kept.getMessage().getHeader(AeronaConstants.CACHE_AGE, Long.class);
        assertTrue(age >= moved.toMillis() && age < moved.plusSeconds(10).toMillis(), "age " + age + " ms");
    }

    private int requestsTo(String path) {
        return sandbox.requests(r -> r.path().equals(path)).size();
    }

    @Test
    void aKeptReplyIsUsedWithinItsTtlAndAskedForAgainAfter() throws Exception {
        CamelContext context = start("&referenceDataTtl=10m");
        Exchange first = call(context, "direct:types", Map.of());
        assertEquals(1, requestsTo("/appointment-types"));
        assertEquals(Boolean.FALSE, first.getMessage().getHeader(AeronaConstants.FROM_CACHE));
        assertEquals(0L, first.getMessage().getHeader(AeronaConstants.CACHE_AGE));

        sandbox.clock().advance(Duration.ofMinutes(4));
        Exchange kept = call(context, "direct:types", Map.of());
        assertEquals(1, requestsTo("/appointment-types"), "no request within the TTL");
        assertEquals(Boolean.TRUE, kept.getMessage().getHeader(AeronaConstants.FROM_CACHE));
        assertAge(Duration.ofMinutes(4), kept);
        assertEquals(200, kept.getMessage().getHeader(AeronaConstants.RESPONSE_CODE));
        assertEquals(0L, kept.getMessage().getHeader(AeronaConstants.BUDGET_WAITED));
        List<?> firstTypes = first.getMessage().getBody(List.class);
        List<?> keptTypes = kept.getMessage().getBody(List.class);
        assertEquals(firstTypes.toString(), keptTypes.toString());
        assertInstanceOf(AppointmentType.class, keptTypes.get(0));
        assertNotSame(firstTypes.get(0), keptTypes.get(0), "each exchange reads its own copy");

        // a route that changes its copy does not change what the next exchange gets
        ((AppointmentType) keptTypes.get(0)).setName("Changed by a route");
        Exchange again = call(context, "direct:types", Map.of());
        assertEquals(firstTypes.toString(), again.getMessage().getBody(List.class).toString());

        sandbox.clock().advance(Duration.ofMinutes(6));
        Exchange expired = call(context, "direct:types", Map.of());
        assertEquals(2, requestsTo("/appointment-types"), "asked again once the TTL is over");
        assertEquals(Boolean.FALSE, expired.getMessage().getHeader(AeronaConstants.FROM_CACHE));

        BudgetReport report = endpoint(context, "getAppointmentTypes").budgetReport();
        assertEquals(2, report.fromCache(), report.summary());
        assertEquals(2, report.saved());
    }

    @Test
    void theRefreshHeaderAsksAeronaAndKeepsTheNewReply() throws Exception {
        CamelContext context = start("&referenceDataTtl=10m");
        call(context, "direct:types", Map.of());
        sandbox.clock().advance(Duration.ofMinutes(1));

        Exchange refreshed = call(context, "direct:types", Map.of(AeronaConstants.REFRESH, true));
        assertEquals(2, requestsTo("/appointment-types"), "one request after CamelAeronaRefresh");
        assertEquals(Boolean.FALSE, refreshed.getMessage().getHeader(AeronaConstants.FROM_CACHE));

        sandbox.clock().advance(Duration.ofMinutes(2));
        Exchange kept = call(context, "direct:types", Map.of(AeronaConstants.REFRESH, "false"));
        assertEquals(2, requestsTo("/appointment-types"));
        assertAge(Duration.ofMinutes(2), kept); // counted from the refresh
    }

    @Test
    void repliesAreKeptPerParametersAndPerAccount() throws Exception {
        CamelContext context = start("&referenceDataTtl=10m");
        call(context, "direct:types", Map.of());
        call(context, "direct:types", Map.of(AeronaConstants.PRACTICE_ID, 9877L));
        call(context, "direct:types", Map.of(AeronaConstants.PRACTICE_ID, 9877L));
        assertEquals(2, requestsTo("/appointment-types"), "one per practice");

        // the same user at another base URL is another account: it keeps nothing of the first one's
        try (AeronaSandbox second = AeronaSandbox.builder().user(sandbox.username(), sandbox.password())
                .startTime(NOW).start()) {
            CamelContext other = startContext(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:types").to("aerona:getAppointmentTypes?practiceId=9876&referenceDataTtl=10m&baseUrl="
                            + second.baseUrl());
                }
            });
            Exchange theirs = call(other, "direct:types", Map.of());
            assertEquals(Boolean.FALSE, theirs.getMessage().getHeader(AeronaConstants.FROM_CACHE));
            assertEquals(1, second.requests(r -> r.path().equals("/appointment-types")).size());
            other.stop();
        }
        assertEquals(2, requestsTo("/appointment-types"));
    }

    @Test
    void onlyReferenceDataIsKeptAndAFailureIsNot() throws Exception {
        CamelContext context = start("&referenceDataTtl=10m");
        call(context, "direct:patient", Map.of());
        Exchange patient = call(context, "direct:patient", Map.of());
        assertEquals(2, requestsTo("/patients/426709"), "a patient is not reference data");
        assertNull(patient.getMessage().getHeader(AeronaConstants.FROM_CACHE));

        sandbox.injectFault(SandboxFault.status(500, "{\"error\":\"down\"}").path("/practices"));
        assertTrue(call(context, "direct:practices", Map.of()).isFailed());
        Exchange next = call(context, "direct:practices", Map.of());
        assertEquals(2, requestsTo("/practices"), "the failure was not kept");
        assertEquals(Boolean.FALSE, next.getMessage().getHeader(AeronaConstants.FROM_CACHE));
        call(context, "direct:practices", Map.of());
        assertEquals(2, requestsTo("/practices"), "the good reply was");
    }

    @Test
    void byDefaultNothingIsKept() throws Exception {
        CamelContext context = start("");
        for (int i = 0; i < 3; i++) {
            Exchange exchange = call(context, "direct:types", Map.of());
            assertEquals(Boolean.FALSE, exchange.getMessage().getHeader(AeronaConstants.FROM_CACHE));
        }
        assertEquals(3, requestsTo("/appointment-types"));
    }

    @Test
    void aRefreshThatIsNotABooleanIsRefusedBeforeAnyRequest() throws Exception {
        CamelContext context = start("&referenceDataTtl=10m");
        sandbox.clearRequests();
        CamelExecutionException failure = assertThrows(CamelExecutionException.class, () -> template(context)
                .requestBodyAndHeader("direct:types", null, AeronaConstants.REFRESH, "yes please"));
        AeronaValidationException cause = assertInstanceOf(AeronaValidationException.class, failure.getCause());
        assertTrue(cause.getMessage().contains("getAppointmentTypes"), cause.getMessage());
        assertTrue(cause.getMessage().contains(AeronaConstants.REFRESH), cause.getMessage());
        assertEquals(List.of(), sandbox.requests());
    }

    @Test
    void aNegativeTtlIsRefusedAtStartup() {
        Exception failure = assertThrows(Exception.class, () -> start("&referenceDataTtl=-1"));
        String message = innermostMessage(failure);
        assertTrue(message.contains("referenceDataTtl"), message);
    }
}
