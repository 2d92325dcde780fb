package io.github.camelaerona.internal.operation;

import io.github.camelaerona.api.AeronaOperation;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.model.AeronaJson;
import io.github.camelaerona.model.AeronaObject;
import io.github.camelaerona.internal.operation.OperationSpec.BodyField;

/**
 * The JSON object a message body gives an operation: the request itself for operations that take one
 * (createAppointment: a model object, a Map or JSON text, its fields checked), or a source of body parameters for
 * operations that may carry some (updateAppointmentStatus).
 */
public final class RequestBody {

    private static final ObjectMapper JSON = AeronaJson.mapper();

    private RequestBody() {
    }

    /** The body as the operation reads it, its fields checked; null when the operation takes no body. */
    public static ObjectNode read(AeronaOperation operation, Object body) {
        OperationSpec spec = OperationSpecs.of(operation);
        if (spec.takesBodyObject()) {
            ObjectNode object = required(operation.name(), body);
            checkFields(operation.name(), spec, object);
            return object;
        }
        return spec.hasBodyParameters() ? optional(body) : null;
    }

    private static void checkFields(String op, OperationSpec spec, ObjectNode body) {
        for (BodyField field : spec.bodyFields()) {
            Object raw = javaValue(body.get(field.name()));
            if (raw == null) {
                if (field.required()) {
                    throw new AeronaValidationException(op, field.name(), "is required in the request body");
                }
                body.remove(field.name());
                continue;
            }
            put(body, field.name(), ParameterResolver.check(op, field.name(), field.rule(), raw));
        }
    }

    private static ObjectNode required(String op, Object body) {
        if (body == null) {
            throw new AeronaValidationException(op, "body", "is required: an Appointment, a Map or a JSON object");
        }
        JsonNode node;
        try {
            node = body instanceof CharSequence || body instanceof byte[] ? readJson(body) : JSON.valueToTree(body);
        } catch (IOException | IllegalArgumentException e) {
            throw new AeronaValidationException(op, "body", "is not valid JSON or cannot be mapped to JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            String kind = node == null ? "empty" : node.getNodeType().name().toLowerCase(Locale.ROOT);
            throw new AeronaValidationException(op, "body", "must be a JSON object, but was " + kind);
        }
        return object.deepCopy();
    }

    /**
     * The body where it only may carry parameters: a Map, a model object or JSON text of an object; any other body
     * (such as the id a previous step left) is not the request's and is ignored.
     */
    private static ObjectNode optional(Object body) {
        try {
            JsonNode node = null;
            if (body instanceof CharSequence || body instanceof byte[]) {
                node = readJson(body);
            } else if (body instanceof Map || body instanceof AeronaObject) {
                node = JSON.valueToTree(body);
            }
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode readJson(Object body) throws IOException {
        return body instanceof byte[] bytes ? JSON.readTree(bytes) : JSON.readTree(body.toString());
    }

    /** A JSON value as the Java value the value rules take. */
    static Object javaValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.decimalValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.toString();
    }

    /** Puts a checked value, keeping its JSON type. */
    static void put(ObjectNode node, String name, Object value) {
        if (value instanceof Long l) {
            node.put(name, l);
        } else if (value instanceof Integer i) {
            node.put(name, i);
        } else if (value instanceof Boolean b) {
            node.put(name, b);
        } else if (value instanceof BigDecimal d) {
            node.put(name, d);
        } else {
            node.put(name, value.toString());
        }
    }
}
