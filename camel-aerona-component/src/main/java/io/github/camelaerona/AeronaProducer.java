package io.github.camelaerona;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.http.HttpReply;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls one Aerona operation per exchange, asynchronously: a call that waits for the rate budget holds no thread.
 * The operation comes from the endpoint or the {@code CamelAeronaOperation} header; its parameters from headers,
 * the body and the URI options, checked before anything is sent.
 */
public class AeronaProducer extends DefaultAsyncProducer {

    private final AeronaEndpoint endpoint;
    private final AeronaConfiguration configuration;
    private final ObjectMapper json = AeronaJson.mapper();
    private final AeronaRequestFactory requests = new AeronaRequestFactory(json);

    public AeronaProducer(AeronaEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.registerHealthCheck();
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
        CompletableFuture<HttpReply> reply = endpoint.session().execute(endpoint.caller(), request.method(),
                request.pathAndQuery(), request.jsonBody());
        if (reply.isDone()) {
            complete(exchange, request, reply);
            callback.done(true);
            return true;
        }
        reply.whenComplete((r, e) -> {
            complete(exchange, request, reply);
            callback.done(false);
        });
        return false;
    }

    private AeronaRequest prepare(Message message) {
        AeronaOperation operation = operation(message);
        Object body = message.getBody();
        if (body instanceof InputStream) {
            body = message.getBody(String.class);
        }
        return requests.create(operation, new AeronaRequestFactory.ParameterSource() {
            @Override
            public Object header(AeronaParameter parameter) {
                return message.getHeader(parameter.headerName());
            }

            @Override
            public Object option(AeronaParameter parameter) {
                return configuration.parameterValue(parameter);
            }
        }, body);
    }

    private AeronaOperation operation(Message message) {
        Object value = message.getHeader(AeronaConstants.OPERATION);
        if (value == null) {
            return configuration.getOperation();
        }
        if (value instanceof AeronaOperation operation) {
            return operation;
        }
        try {
            return AeronaOperation.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            throw new AeronaValidationException(String.valueOf(value), AeronaConstants.OPERATION,
                    "names no Aerona operation; use one of " + java.util.Arrays.toString(AeronaOperation.values()));
        }
    }

    private void complete(Exchange exchange, AeronaRequest request, CompletableFuture<HttpReply> future) {
        String operation = request.operation().name();
        HttpReply reply;
        try {
            reply = future.join();
        } catch (CompletionException e) {
            exchange.setException(failure(operation, e.getCause()));
            return;
        }
        Message message = exchange.getMessage();
        message.setHeader(AeronaConstants.RESPONSE_CODE, reply.status());
        if (!reply.isSuccess()) {
            if (configuration.isThrowExceptionOnFailure()) {
                exchange.setException(new AeronaApiException(operation, reply.status(), reply.body(),
                        "Aerona refused the request."));
            } else {
                message.setBody(reply.body());
            }
            return;
        }
        try {
            Object result = configuration.isRawJson()
                    ? reply.body()
                    : json.readValue(reply.body(), request.operation().spec().resultType(json.getTypeFactory()));
            if (Boolean.FALSE.equals(result) || "false".equals(reply.body().trim())) {
                throw new AeronaApiException(operation, reply.status(), reply.body(),
                        "Aerona answered false: the change was not made.");
            }
            message.setBody(result);
        } catch (IOException e) {
            exchange.setException(new AeronaApiException(operation, reply.status(), reply.body(),
                    "The reply is not the JSON expected (" + request.operation().spec().resultClass().getSimpleName() + ").", e));
        } catch (AeronaApiException e) {
            exchange.setException(e);
        }
    }

    static RuntimeException failure(String operation, Throwable cause) {
        if (cause instanceof AeronaException aerona) {
            return aerona;
        }
        if (cause instanceof IOException io) {
            return new AeronaException("Aerona operation " + operation + " could not reach Aerona: " + io, io);
        }
        return cause instanceof RuntimeException e ? e : new AeronaException("Aerona operation " + operation + " failed", cause);
    }
}
