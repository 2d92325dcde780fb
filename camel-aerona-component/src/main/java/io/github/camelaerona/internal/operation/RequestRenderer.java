package io.github.camelaerona.internal.operation;

import io.github.camelaerona.api.AeronaOperation;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.model.AeronaJson;
import io.github.camelaerona.internal.operation.OperationSpec.Kind;
import io.github.camelaerona.internal.operation.OperationSpec.ParameterUse;
import io.github.camelaerona.internal.transport.HttpCall;

/**
 * Turns checked values into the request on the wire: path parameters into the path, query parameters into the
 * encoded query, body parameters into the JSON body. {@link #create} is the whole way from lookups to a request.
 */
public final class RequestRenderer {

    private static final ObjectMapper JSON = AeronaJson.mapper();

    private RequestRenderer() {
    }

    /**
     * Reads the body, finds and checks every parameter in the lookups (in their order of precedence), and renders
     * the request; nothing is sent when a rule is broken.
     */
    public static AeronaRequest create(AeronaOperation operation, RequestLines lines, ObjectNode body,
            List<ValueLookup> lookups) {
        if (OperationSpecs.of(operation).kind() == Kind.WEBHOOK) {
            throw new AeronaValidationException(operation.name(), "operation",
                    "is for consumers only: use it in from(\"aerona:" + operation.name() + "\")");
        }
        return render(operation, lines.of(operation), ParameterResolver.resolve(operation, lookups), body);
    }

    /** The request for checked values; the body is the request object (for operations that take one), or null. */
    public static AeronaRequest render(AeronaOperation operation, RequestLines.Line line,
            Map<AeronaParameter, Object> values, ObjectNode body) {
        OperationSpec spec = OperationSpecs.of(operation);
        String path = line.pathTemplate();
        StringBuilder query = new StringBuilder();
        ObjectNode outgoing = spec.takesBodyObject() ? body : null;
        Map<String, Object> named = new LinkedHashMap<>();
        for (ParameterUse use : spec.parameters()) {
            Object value = values.get(use.parameter());
            if (value == null) {
                continue;
            }
            String name = use.parameter().optionName();
            named.put(name, value);
            switch (use.location()) {
                case PATH -> path = path.replace("{" + name + "}", encode(value.toString()));
                case QUERY -> query.append(query.length() == 0 ? '?' : '&').append(name).append('=')
                        .append(encode(value.toString()));
                case BODY -> {
                    if (outgoing == null) {
                        outgoing = JSON.createObjectNode();
                    }
                    RequestBody.put(outgoing, name, value);
                }
            }
        }
        String json = null;
        if (outgoing != null) {
            try {
                json = JSON.writeValueAsString(outgoing);
            } catch (IOException e) {
                throw new AeronaValidationException(operation.name(), "body", "cannot be written as JSON: " + e.getMessage());
            }
        }
        return new AeronaRequest(operation, new HttpCall(line.method(), path + query, json), named);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
