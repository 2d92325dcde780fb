package io.github.camelaerona.internal.operation;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.api.AeronaApiException;
import io.github.camelaerona.internal.account.SentCall;
import io.github.camelaerona.model.AeronaJson;

/**
 * What Aerona answered to a request, and how to read it as the operation's result.
 *
 * @param request the request answered
 * @param status  the HTTP status
 * @param body    the reply's text
 * @param budgetRemaining    the budget's free slots once the request had taken its own (-1: not known)
 * @param budgetWaitedMillis how long the request waited for its slot
 * @param origin             sent for this call, shared with an identical read in flight, or kept reference data
 * @param ageMillis          how old a kept reply is; 0 otherwise
 */
public record OperationReply(AeronaRequest request, int status, String body, int budgetRemaining,
        long budgetWaitedMillis, SentCall.Origin origin, long ageMillis) {

    private static final ObjectMapper JSON = AeronaJson.mapper();

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The failure to report for this reply, carrying status and body. */
    public AeronaApiException failure(String problem) {
        return new AeronaApiException(request.operation().name(), status, body, problem);
    }

    /**
     * The reply read as the operation's result type (a model, a list of models, a Long, a Boolean). Throws an
     * {@link AeronaApiException} when the reply is not that JSON, or is the answer by which Aerona refuses.
     */
    public Object result() {
        OperationSpec spec = OperationSpecs.of(request.operation());
        if (spec.isRefusal(body)) {
            throw failure("Aerona answered " + body.trim() + ": the change was not made.");
        }
        Object result;
        try {
            result = JSON.readValue(body, spec.resultType(JSON.getTypeFactory()));
        } catch (IOException e) {
            throw new AeronaApiException(request.operation().name(), status, body,
                    "The reply is not the JSON expected (" + spec.resultClass().getSimpleName() + ").", e);
        }
        if (result == null) {
            throw failure("The reply is empty or null where " + spec.resultClass().getSimpleName() + " was expected.");
        }
        if (result instanceof java.util.List<?> list && list.contains(null)) {
            throw failure("The reply's list holds null at index " + list.indexOf(null) + " where "
                    + spec.resultClass().getSimpleName() + " records were expected.");
        }
        return result;
    }

    /** The records of a search reply, as JSON nodes. */
    public JsonNode records() {
        try {
            JsonNode records = JSON.readTree(body);
            if (records != null && records.isArray()) {
                for (int i = 0; i < records.size(); i++) {
                    if (!records.get(i).isObject()) {
                        throw failure("The reply's list holds " + records.get(i).getNodeType().name().toLowerCase(
                                java.util.Locale.ROOT) + " at index " + i + " where records were expected.");
                    }
                }
                return records;
            }
        } catch (IOException e) {
            // reported below with the reply
        }
        throw failure("The reply is not a JSON list.");
    }

    /** Whether the reply is a success that reads as the operation's result: only such a reply is kept. */
    boolean isReadable() {
        if (!isSuccess()) {
            return false;
        }
        try {
            result();
            return true;
        } catch (AeronaApiException e) {
            return false;
        }
    }

    /** Whether a 2xx reply is nevertheless Aerona's refusal (rawJson callers check it too). */
    public boolean isRefusal() {
        return OperationSpecs.of(request.operation()).isRefusal(body);
    }
}
