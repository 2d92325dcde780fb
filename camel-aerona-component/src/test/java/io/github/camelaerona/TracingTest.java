package io.github.camelaerona;

import java.time.Duration;
import java.util.List;

import io.github.camelaerona.internal.camel.AeronaSpanDecorator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.opentelemetry.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * camel-opentelemetry with OpenTelemetry's in-memory exporter: the aerona spans carry the operation's name, the
 * account, the priority and what the budget did, as the sandbox and the reply headers saw it.
 */
class TracingTest extends AeronaRouteTestSupport {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();

    @Override
    protected void bindBeans(CamelContext context) {
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.setTracer(tracing.get("aerona-tracing-test"));
        tracer.init(context);
    }

    @AfterEach
    void closeTracing() {
        tracing.close();
    }

    private List<SpanData> aeronaSpans(int expected) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> exported.getFinishedSpanItems().stream()
                .filter(span -> "camel-aerona".equals(span.getAttributes().get(AttributeKey.stringKey("component"))))
                .toList(), spans -> spans.size() == expected);
    }

    private static Object tag(SpanData span, String key) {
        Object text = span.getAttributes().get(AttributeKey.stringKey(key));
        return text != null ? text : span.getAttributes().get(AttributeKey.longKey(key));
    }

    @Test
    void aCallsSpanIsNamedByItsOperationAndTaggedWithTheAccountPriorityAndBudget() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices?priority=background&rateLimit=10"
                + "&interactiveReserve=0"));
        Exchange reply = template(context).request("direct:call", e -> { });

        SpanData span = aeronaSpans(1).get(0);
        assertEquals("getPractices", span.getName());
        assertEquals(SpanKind.CLIENT, span.getKind());
        // the account as JMX and the health checks name it
        assertEquals(sandbox.username() + " at " + sandbox.baseUrl(), tag(span, AeronaSpanDecorator.ACCOUNT));
        assertEquals("background", tag(span, AeronaSpanDecorator.PRIORITY));
        // the login and the call took two of the ten slots, as the sandbox counted
        assertEquals(2, sandbox.requests().size());
        assertEquals(8L, tag(span, AeronaSpanDecorator.BUDGET_REMAINING));
        assertEquals(reply.getMessage().getHeader(AeronaConstants.BUDGET_WAITED, Long.class),
                tag(span, AeronaSpanDecorator.BUDGET_WAITED));
        assertEquals(200L, tag(span, "http.status_code"));
    }

    @Test
    void aCallThatWaitedForTheBudgetSaysSoOnItsSpan() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices?rateLimit=2&interactiveReserve=0"
                + "&rateLimitPeriod=1000ms"));
        template(context).request("direct:call", e -> { }); // the login and this call take both slots
        Exchange second = template(context).request("direct:call",
                e -> e.getMessage().setHeader(AeronaConstants.PRIORITY, "interactive"));

        List<SpanData> spans = aeronaSpans(2);
        SpanData waited = spans.stream().filter(s -> "interactive".equals(tag(s, AeronaSpanDecorator.PRIORITY)))
                .findFirst().orElseThrow();
        long header = second.getMessage().getHeader(AeronaConstants.BUDGET_WAITED, Long.class);
        assertTrue(header > 0, "no slot was free, so it waited: " + header);
        assertEquals(header, tag(waited, AeronaSpanDecorator.BUDGET_WAITED));
        assertEquals(3, sandbox.requests().size());
    }

    @Test
    void aMessageThatNamesItsOperationGetsASpanOfThatName() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices"));
        template(context).request("direct:call",
                e -> e.getMessage().setHeader(AeronaConstants.OPERATION, "getClinicians"));

        assertEquals("getClinicians", aeronaSpans(1).get(0).getName());
        assertTrue(apiPathsInArrivalOrder().stream().anyMatch(path -> path.endsWith("/clinicians")),
                apiPathsInArrivalOrder().toString());
    }
}
