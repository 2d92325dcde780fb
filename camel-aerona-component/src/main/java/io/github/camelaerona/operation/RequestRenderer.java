package io.github.camelaerona;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelaerona.OperationSpec.BodyField;
import io.github.camelaerona.OperationSpec.CrossRule;
import io.github.camelaerona.OperationSpec.Location;
import io.github.camelaerona.OperationSpec.ParameterUse;

/**
 * Turns an operation, its parameter values and a message body into an {@link AeronaRequest}, checking every rule
 * of the operation's declaration first: a broken rule throws {@link AeronaValidationException} and nothing is
 * sent.
 */
public final class AeronaRequestFactory {

    /** Where parameter values come from; a header wins over the body, the body over the URI option. */
    public interface ParameterSource {
        Object header(AeronaParameter parameter);

        Object option(AeronaParameter parameter);
    }

    private final ObjectMapper json;

    public AeronaRequestFactory(ObjectMapper json) {
        this.json = json;
    }

    public AeronaRequest create(AeronaOperation operation, ParameterSource source, Object body) {
        OperationSpec spec = operation.spec();
        String op = operation.name();
        if (spec.isConsumerOnly()) {
            throw new AeronaValidationException(op, "operation", "is for consumers only: use it in from(\"aerona:" + op + "\")");
        }
        ObjectNode bodyObject = spec.takesBodyObject() ? requiredBodyObject(op, body)
                : spec.hasBodyParameters() ? optionalBodyObject(body) : null;

        Map<AeronaParameter, Object> values = new EnumMap<>(AeronaParameter.class);
        for (ParameterUse use : spec.parameters()) {
            AeronaParameter p = use.parameter();
            Object raw = source.header(p);
            if (raw == null && use.location() == Location.BODY && bodyObject != null) {
                raw = javaValue(bodyObject.get(p.optionName()));
            }
            if (raw == null) {
                raw = source.option(p);
            }
            if (raw instanceof CharSequence text && text.length() == 0) {
                raw = null;
            }
            if (raw == null) {
                if (use.required()) {
                    throw new AeronaValidationException(op, p.optionName(), "is required (URI option " + p.optionName()
                            + " or header " + p.headerName() + ")");
                }
                continue;
            }
            values.put(p, check(op, p.optionName(), p.rule(), raw));
        }
        for (CrossRule rule : spec.rules()) {
            String[] problem = rule.problem(values);
            if (problem != null) {
                throw new AeronaValidationException(op, problem[0], problem[1]);
            }
        }
        if (spec.takesBodyObject()) {
            checkBodyFields(op, spec, bodyObject);
        }

        String path = spec.pathTemplate();
        StringBuilder query = new StringBuilder();
        ObjectNode outgoing = spec.takesBodyObject() ? bodyObject : null;
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
                        outgoing = json.createObjectNode();
                    }
                    putValue(outgoing, name, value);
                }
            }
        }
        String jsonBody = null;
        if (outgoing != null) {
            try {
                jsonBody = json.writeValueAsString(outgoing);
            } catch (IOException e) {
                throw new AeronaValidationException(op, "body", "cannot be written as JSON: " + e.getMessage());
            }
        }
        return new AeronaRequest(operation, spec.method(), path + query, jsonBody, named);
    }

    private void checkBodyFields(String op, OperationSpec spec, ObjectNode body) {
        for (BodyField field : spec.bodyFields()) {
            Object raw = javaValue(body.get(field.name()));
            if (raw == null) {
                if (field.required()) {
                    throw new AeronaValidationException(op, field.name(), "is required in the request body");
                }
                body.remove(field.name());
                continue;
            }
            putValue(body, field.name(), check(op, field.name(), field.rule(), raw));
        }
    }

    /** A value's canonical form under its rule, or the validation exception naming operation and field. */
    static Object check(String op, String field, ValueRule rule, Object raw) {
        try {
            return rule.check(raw);
        } catch (IllegalArgumentException e) {
            throw new AeronaValidationException(op, field, e.getMessage());
        }
    }

    /** The body as the request object: a model object, a Map, or JSON text of an object. */
    private ObjectNode requiredBodyObject(String op, Object body) {
        if (body == null) {
            throw new AeronaValidationException(op, "body", "is required: an Appointment, a Map or a JSON object");
        }
        JsonNode node;
        try {
            node = body instanceof CharSequence || body instanceof byte[] ? readJson(body) : json.valueToTree(body);
        } catch (IOException | IllegalArgumentException e) {
            throw new AeronaValidationException(op, "body", "is not valid JSON or cannot be mapped to JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new AeronaValidationException(op, "body", "must be a JSON object, but was " + describe(node));
        }
        return object.deepCopy();
    }

    /**
     * The body where it only may carry parameters: a Map, a model object or JSON text of an object; any other body
     * (such as the id a previous step left) is not the request's and is ignored.
     */
    private ObjectNode optionalBodyObject(Object body) {
        try {
            JsonNode node = null;
            if (body instanceof CharSequence || body instanceof byte[]) {
                node = readJson(body);
            } else if (body instanceof Map || body instanceof io.github.camelaerona.model.AeronaObject) {
                node = json.valueToTree(body);
            }
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private JsonNode readJson(Object body) throws IOException {
        return body instanceof byte[] bytes ? json.readTree(bytes) : json.readTree(body.toString());
    }

    private static Object javaValue(JsonNode node) {
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

    private static void putValue(ObjectNode node, String name, Object value) {
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

    private static String describe(JsonNode node) {
        return node == null ? "empty" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
