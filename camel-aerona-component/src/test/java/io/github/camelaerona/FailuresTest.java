package io.github.camelaerona;

import io.github.camelaerona.api.AeronaApiException;
import io.github.camelaerona.api.AeronaException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelaerona.sandbox.SandboxFault;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failed calls: the exception carries status and reply, and each failed request reached the wire exactly once. */
class FailuresTest extends AeronaRouteTestSupport {

    private ProducerTemplate template;

    @BeforeEach
    void routes() throws Exception {
        template = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:payment").to("aerona:getPayment");
                from("direct:lenient").to("aerona:getPayment?throwExceptionOnFailure=false");
                from("direct:status").to("aerona:updateAppointmentStatus?appointmentStatusId=7");
                from("direct:practices").to("aerona:getPractices?socketTimeout=2s");
            }
        }).createProducerTemplate();
    }

    private <T extends Throwable> T failure(Class<T> type, String endpoint, Object body, Map<String, Object> headers) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeaders(endpoint, body, headers));
        return assertInstanceOf(type, e.getCause(), () -> "got " + e.getCause());
    }

    @Test
    void notFoundCarriesStatusAndReply() {
        AeronaApiException e = failure(AeronaApiException.class, "direct:payment", null,
                Map.of(AeronaConstants.PAYMENT_ID, 999));
        assertEquals(404, e.getStatusCode());
        assertEquals("getPayment", e.getOperation());
        assertTrue(e.getResponseBody().contains("Payment 999 not found"), e.getResponseBody());
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("getPayment"), e.getMessage());
    }

    @Test
    void throwExceptionOnFailureFalseReturnsTheReply() {
        Exchange exchange = template.request("direct:lenient",
                x -> x.getMessage().setHeader(AeronaConstants.PAYMENT_ID, 999));
        assertEquals(null, exchange.getException());
        assertEquals(404, exchange.getMessage().getHeader(AeronaConstants.RESPONSE_CODE));
        assertTrue(exchange.getMessage().getBody(String.class).contains("not found"));
    }

    @Test
    void falseFromUpdateAppointmentStatusIsAFailure() {
        AeronaApiException e = failure(AeronaApiException.class, "direct:status", null,
                Map.of(AeronaConstants.APPOINTMENT_ID, 99999));
        assertEquals(200, e.getStatusCode());
        assertEquals("false", e.getResponseBody());
        assertEquals("updateAppointmentStatus", e.getOperation());
    }

    @Test
    void serverErrorIsNotRetriedBehindTheRoutesBack() {
        sandbox.injectFault(SandboxFault.status(503, "{\"error\":\"maintenance\"}").path("/payments").always());
        AeronaApiException e = failure(AeronaApiException.class, "direct:payment", null, Map.of(AeronaConstants.PAYMENT_ID, 187900));
        assertEquals(503, e.getStatusCode());
        assertEquals(1, sandbox.apiRequests().size(), "exactly one request on the wire");
    }

    @Test
    void tooManyRequestsIsNotRetriedEither() {
        sandbox.injectFault(SandboxFault.status(429, "{\"error\":\"slow down\"}").path("/payments"));
        AeronaApiException e = failure(AeronaApiException.class, "direct:payment", null, Map.of(AeronaConstants.PAYMENT_ID, 187900));
        assertEquals(429, e.getStatusCode());
        assertEquals(1, sandbox.apiRequests().size());
    }

    @Test
    void droppedConnectionIsReportedOnce() {
        sandbox.injectFault(SandboxFault.dropConnection().path("/payments"));
        AeronaException e = failure(AeronaException.class, "direct:payment", null, Map.of(AeronaConstants.PAYMENT_ID, 187900));
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(e.getMessage().contains("getPayment"), e.getMessage());
        assertEquals(1, sandbox.apiRequests().size(), "no automatic retry");
        // the next call works again
        assertEquals(187900L, template.requestBodyAndHeader("direct:payment", null, AeronaConstants.PAYMENT_ID, 187900,
                io.github.camelaerona.model.Payment.class).getId());
    }

    @Test
    void malformedJsonIsAnApiFailure() {
        sandbox.injectFault(SandboxFault.malformedJson().path("/payments"));
        AeronaApiException e = failure(AeronaApiException.class, "direct:payment", null, Map.of(AeronaConstants.PAYMENT_ID, 187900));
        assertEquals(200, e.getStatusCode());
        assertTrue(e.getResponseBody().startsWith("{\"id\": 1"));
    }

    @Test
    void slowReplyHitsTheSocketTimeout() {
        sandbox.injectFault(SandboxFault.delay(Duration.ofSeconds(6)).path("/practices"));
        AeronaException e = failure(AeronaException.class, "direct:practices", null, Map.of());
        assertInstanceOf(IOException.class, e.getCause(), () -> "got " + e.getCause());
        List<?> again = template.requestBody("direct:practices", null, List.class);
        assertEquals(3, again.size());
    }
}
