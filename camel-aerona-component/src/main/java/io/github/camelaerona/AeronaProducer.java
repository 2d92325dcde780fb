package io.github.camelaerona;

import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelaerona.internal.account.AccountLease;
import io.github.camelaerona.api.AeronaApiException;
import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.internal.SafeText;
import io.github.camelaerona.api.AeronaOperation;
import io.github.camelaerona.internal.account.SentCall;
import io.github.camelaerona.internal.operation.AeronaRequest;
import io.github.camelaerona.internal.operation.CallObserver;
import io.github.camelaerona.internal.operation.OperationSpec;
import io.github.camelaerona.internal.operation.OperationSpecs;
import io.github.camelaerona.internal.operation.ParameterResolver;
import io.github.camelaerona.internal.operation.OperationClient;
import io.github.camelaerona.internal.operation.OperationReply;
import io.github.camelaerona.internal.operation.RequestBody;
import io.github.camelaerona.internal.operation.RequestRenderer;
import io.github.camelaerona.internal.operation.ValueLookup;
import io.github.camelaerona.internal.operation.ValueRule;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls one Aerona operation per exchange, asynchronously: a call that waits for the rate budget holds no thread.
 * The operation comes from the endpoint or the {@code CamelAeronaOperation} header; its parameters from the
 * headers, then the request body, then the URI options, checked before anything is sent.
 */
class AeronaProducer extends DefaultAsyncProducer {

    private final AeronaEndpoint endpoint;
    private final AeronaConfiguration configuration;
    /** The lease the account readiness check was registered with while this producer runs. */
    private AccountLease healthCheckLease;

    public AeronaProducer(AeronaEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        if (endpoint.accountNames().size() > 1) {
            throw new IllegalArgumentException("aerona:" + endpoint.getOperation().name() + ": option account lists "
                    + endpoint.accountNames().size() + " accounts, but a producer calls one; name a message's account in"
                    + " the header " + AeronaConstants.ACCOUNT + " instead (a list is for a poller)");
        }
        super.doStart();
        healthCheckLease = endpoint.lease();
        if (healthCheckLease != null) {
            // no lease: no account of its own, as each message names one
            endpoint.getComponent().accountHealthChecks().add(endpoint.getCamelContext(), healthCheckLease,
                    endpoint.getComponent().isHealthCheckProducerEnabled());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckLease != null) {
            endpoint.getComponent().accountHealthChecks().remove(endpoint.getCamelContext(), healthCheckLease);
            healthCheckLease = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        AeronaRequest request;
        try {
            request = prepare(exchange.getMessage());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        CompletableFuture<OperationReply> reply;
        AccountLease named = null;
        try {
            Object accountName = exchange.getMessage().getHeader(AeronaConstants.ACCOUNT);
            OperationClient client = endpoint.client();
            if (accountName != null) {
                named = endpoint.leaseNamed(accountName.toString(), AeronaConstants.ACCOUNT);
                client = new OperationClient(named, CallObserver.NONE, configuration.readSettings());
            } else if (client == null) {
                throw new AeronaValidationException(request.operation().name(), AeronaConstants.ACCOUNT, "must name the"
                        + " account: the endpoint has none of its own (no username and password, no account option)");
            }
            reply = client.send(request, route(exchange), priority(request, exchange.getMessage()),
                    refresh(request, exchange.getMessage()));
        } catch (Exception e) {
            if (named != null) {
                endpoint.messageDone(named);
            }
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (named != null) {
            AccountLease done = named;
            reply = reply.whenComplete((r, e) -> endpoint.messageDone(done));
        }
        CompletableFuture<OperationReply> answered = reply;
        if (answered.isDone()) {
            complete(exchange, answered);
            callback.done(true);
            return true;
        }
        answered.whenComplete((r, e) -> {
            complete(exchange, answered);
            callback.done(false);
        });
        return false;
    }

    /** The route the call is counted for in the budget's accounting; the endpoint when sent from outside a route. */
    private String route(Exchange exchange) {
        return exchange.getFromRouteId() != null ? exchange.getFromRouteId() : endpoint.getEndpointBaseUri();
    }

    /** The header's priority, else the endpoint's, else normal. */
    private AeronaPriority priority(AeronaRequest request, Message message) {
        Object header = message.getHeader(AeronaConstants.PRIORITY);
        if (header != null) {
            AeronaPriority priority = AeronaPriority.parse(header);
            if (priority == null) {
                throw new AeronaValidationException(request.operation().name(), AeronaConstants.PRIORITY,
                        "must be interactive, normal or background, but was " + SafeText.quote(header.toString()));
            }
            return priority;
        }
        return configuration.getPriority() != null ? configuration.getPriority() : AeronaPriority.NORMAL;
    }

    /** Whether the message asks for fresh reference data ({@code CamelAeronaRefresh}), checked as a parameter is. */
    private static boolean refresh(AeronaRequest request, Message message) {
        Object header = message.getHeader(AeronaConstants.REFRESH);
        return header != null && (Boolean) ParameterResolver.check(request.operation().name(), AeronaConstants.REFRESH,
                ValueRule.BOOLEAN, header);
    }

    private AeronaRequest prepare(Message message) {
        AeronaOperation operation = operation(message);
        Object body = message.getBody();
        if (body instanceof InputStream || body instanceof Reader || body instanceof WrappedFile
                || body instanceof File || body instanceof Path) {
            // JSON in a stream or a file (a file: consumer's GenericFile among them), read by Camel's converters
            body = message.getBody(String.class);
        }
        ObjectNode bodyObject = RequestBody.read(operation, body);
        ValueLookup headers = ValueLookup.byParameter(p -> message.getHeader(p.headerName()));
        return RequestRenderer.create(operation, endpoint.requestLines(), bodyObject,
                List.of(headers, ValueLookup.bodyFields(bodyObject), endpoint.uriOptions()));
    }

    private AeronaOperation operation(Message message) {
        Object value = message.getHeader(AeronaConstants.OPERATION);
        if (value == null) {
            return endpoint.getOperation();
        }
        if (value instanceof AeronaOperation operation) {
            return operation;
        }
        try {
            return AeronaOperation.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            throw new AeronaValidationException(SafeText.quote(value), AeronaConstants.OPERATION,
                    "names no Aerona operation; use one of " + java.util.Arrays.toString(AeronaOperation.values()));
        }
    }

    private void complete(Exchange exchange, CompletableFuture<OperationReply> future) {
        OperationReply reply;
        try {
            reply = future.join();
        } catch (CompletionException e) {
            exchange.setException(e.getCause());
            return;
        }
        Message message = exchange.getMessage();
        message.setHeader(AeronaConstants.RESPONSE_CODE, reply.status());
        message.setHeader(AeronaConstants.BUDGET_REMAINING, reply.budgetRemaining());
        message.setHeader(AeronaConstants.BUDGET_WAITED, reply.budgetWaitedMillis());
        OperationSpec spec = OperationSpecs.of(reply.request().operation());
        if (spec.isRead()) {
            message.setHeader(AeronaConstants.COALESCED, reply.origin() == SentCall.Origin.SHARED);
        }
        if (spec.isReferenceData()) {
            message.setHeader(AeronaConstants.FROM_CACHE, reply.origin() == SentCall.Origin.KEPT);
            message.setHeader(AeronaConstants.CACHE_AGE, reply.ageMillis());
        }
        if (!reply.isSuccess()) {
            if (configuration.isThrowExceptionOnFailure()) {
                exchange.setException(reply.failure("Aerona refused the request."));
            } else {
                message.setBody(reply.body());
            }
            return;
        }
        try {
            if (configuration.isRawJson()) {
                if (reply.isRefusal()) {
                    reply.result(); // throws the refusal
                }
                message.setBody(reply.body());
            } else {
                message.setBody(reply.result());
            }
        } catch (AeronaApiException e) {
            exchange.setException(e);
        }
    }
}
