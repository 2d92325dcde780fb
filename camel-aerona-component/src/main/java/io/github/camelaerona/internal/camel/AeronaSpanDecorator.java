package io.github.camelaerona.internal.camel;

import java.util.Locale;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.AeronaEndpoint;
import io.github.camelaerona.api.AeronaPriority;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.tracing.SpanAdapter;
import org.apache.camel.tracing.TagConstants;
import org.apache.camel.tracing.decorators.AbstractSpanDecorator;

/**
 * Names the spans of aerona: endpoints by operation and tags them with what the budget did, for Camel's tracers built
 * on camel-tracing (camel-opentelemetry, camel-observation). Camel finds it through
 * META-INF/services/org.apache.camel.tracing.SpanDecorator; camel-tracing is an optional dependency.
 */
public class AeronaSpanDecorator extends AbstractSpanDecorator {

    /** The account the call went out on ("username at baseUrl", as JMX names it, or the resolver's name); never a secret. */
    public static final String ACCOUNT = "aerona.account";
    public static final String PRIORITY = "aerona.priority";
    /** Milliseconds the call waited for a slot of the rate budget. */
    public static final String BUDGET_WAITED = "aerona.budget.waited_ms";
    /** Slots of the rate window still free when the call was granted. */
    public static final String BUDGET_REMAINING = "aerona.budget.remaining";

    @Override
    public String getComponent() {
        return "aerona";
    }

    @Override
    public String getComponentClassName() {
        return AeronaComponent.class.getName();
    }

    /** The operation the call ran: a message's CamelAeronaOperation header, else the endpoint's. */
    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        Object header = exchange.getMessage().getHeader(AeronaConstants.OPERATION);
        if (header != null) {
            return header.toString();
        }
        if (endpoint instanceof AeronaEndpoint aerona && aerona.getOperation() != null) {
            return aerona.getOperation().name();
        }
        return super.getOperationName(exchange, endpoint);
    }

    @Override
    public void pre(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        super.pre(span, exchange, endpoint);
        if (!(endpoint instanceof AeronaEndpoint aerona)) {
            return;
        }
        Message message = exchange.getMessage();
        Object named = message.getHeader(AeronaConstants.ACCOUNT);
        String account = named != null ? named.toString() : aerona.getAccount();
        if (account != null) {
            span.setLowCardinalityTag(ACCOUNT, account);
        }
        AeronaPriority priority = AeronaPriority.parse(message.getHeader(AeronaConstants.PRIORITY));
        if (priority == null) {
            priority = aerona.getConfiguration().getPriority();
        }
        span.setLowCardinalityTag(PRIORITY, (priority != null ? priority : AeronaPriority.NORMAL).name().toLowerCase(Locale.ROOT));
    }

    /** The reply headers say what the budget did; a call that failed before its reply has none. */
    @Override
    public void post(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        super.post(span, exchange, endpoint);
        Message message = exchange.getMessage();
        Number waited = message.getHeader(AeronaConstants.BUDGET_WAITED, Number.class);
        if (waited != null) {
            span.setTag(BUDGET_WAITED, waited);
        }
        Number remaining = message.getHeader(AeronaConstants.BUDGET_REMAINING, Number.class);
        if (remaining != null) {
            span.setTag(BUDGET_REMAINING, remaining);
        }
        Number status = message.getHeader(AeronaConstants.RESPONSE_CODE, Number.class);
        if (status != null) {
            span.setTag(TagConstants.HTTP_STATUS, status);
        }
    }
}
