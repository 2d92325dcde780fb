package io.github.camelaerona;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * What one Aerona operation is: HTTP method, path, where each parameter goes and whether it is required, the
 * rules across parameters, the request body's fields, and the result type. {@link AeronaOperation} holds one per
 * operation; requests, validation, headers and the docs table are all derived from it.
 */
public final class OperationSpec {

    /** Where a parameter travels. */
    public enum Location {
        PATH, QUERY, BODY
    }

    /** A parameter of an operation. */
    public record ParameterUse(AeronaParameter parameter, Location location, boolean required) {
    }

    /** A field of the JSON object an operation takes as its request body. */
    public record BodyField(String name, ValueRule rule, boolean required) {
    }

    /** A rule across parameters; answers a problem (naming the field) or null. */
    @FunctionalInterface
    public interface CrossRule {
        String[] problem(Map<AeronaParameter, Object> values);
    }

    private final String method;
    private final String path;
    private final List<ParameterUse> parameters = new ArrayList<>();
    private final List<BodyField> bodyFields = new ArrayList<>();
    private final List<CrossRule> rules = new ArrayList<>();
    private final List<String> ruleDescriptions = new ArrayList<>();
    private Class<?> resultType;
    private boolean resultList;
    private boolean inferredPath;
    private String pollDateField;

    private OperationSpec(String method, String path) {
        this.method = method;
        this.path = path;
    }

    static OperationSpec get(String path) {
        return new OperationSpec("GET", path);
    }

    static OperationSpec post(String path) {
        return new OperationSpec("POST", path);
    }

    static OperationSpec put(String path) {
        return new OperationSpec("PUT", path);
    }

    /** An operation that only a consumer uses: no request is sent for it. */
    static OperationSpec consumerOnly() {
        return new OperationSpec(null, null);
    }

    OperationSpec path(AeronaParameter parameter) {
        parameters.add(new ParameterUse(parameter, Location.PATH, true));
        return this;
    }

    OperationSpec query(AeronaParameter... optional) {
        for (AeronaParameter p : optional) {
            parameters.add(new ParameterUse(p, Location.QUERY, false));
        }
        return this;
    }

    OperationSpec requiredQuery(AeronaParameter... required) {
        for (AeronaParameter p : required) {
            parameters.add(new ParameterUse(p, Location.QUERY, true));
        }
        return this;
    }

    /** A parameter that travels as a field of the JSON request body. */
    OperationSpec bodyParameter(AeronaParameter parameter) {
        parameters.add(new ParameterUse(parameter, Location.BODY, true));
        return this;
    }

    /** A field of the request body object, which the message body must then supply. */
    OperationSpec bodyField(String name, ValueRule rule, boolean required) {
        bodyFields.add(new BodyField(name, rule, required));
        return this;
    }

    OperationSpec exactlyOneOf(AeronaParameter a, AeronaParameter b) {
        ruleDescriptions.add("exactly one of " + a.optionName() + " and " + b.optionName());
        rules.add(values -> {
            boolean hasA = values.get(a) != null;
            boolean hasB = values.get(b) != null;
            if (hasA && hasB) {
                return new String[] { a.optionName(), "must not be set together with " + b.optionName() };
            }
            if (!hasA && !hasB) {
                return new String[] { a.optionName(), "or " + b.optionName() + " is required (exactly one of them)" };
            }
            return null;
        });
        return this;
    }

    OperationSpec requiredWith(AeronaParameter required, AeronaParameter when) {
        ruleDescriptions.add(required.optionName() + " is required with " + when.optionName());
        rules.add(values -> values.get(when) != null && values.get(required) == null
                ? new String[] { required.optionName(), "is required when " + when.optionName() + " is set" }
                : null);
        return this;
    }

    OperationSpec returns(Class<?> type) {
        this.resultType = type;
        return this;
    }

    OperationSpec returnsListOf(Class<?> type) {
        this.resultType = type;
        this.resultList = true;
        return this;
    }

    /**
     * The operation searches a date window and can feed a polling consumer; the field holds each record's date
     * (a date, or a date-time whose date counts in the consumer's time zone).
     */
    OperationSpec pollableBy(String dateField) {
        this.pollDateField = dateField;
        return this;
    }

    /** The path is not on Aerona's published page and was inferred. */
    OperationSpec inferredPath() {
        this.inferredPath = true;
        return this;
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return path;
    }

    public List<ParameterUse> parameters() {
        return List.copyOf(parameters);
    }

    public List<BodyField> bodyFields() {
        return List.copyOf(bodyFields);
    }

    List<CrossRule> rules() {
        return rules;
    }

    public List<String> ruleDescriptions() {
        return List.copyOf(ruleDescriptions);
    }

    public boolean isPollable() {
        return pollDateField != null;
    }

    /** The record field a polling consumer reads each record's date from. */
    public String pollDateField() {
        return pollDateField;
    }

    public boolean isConsumerOnly() {
        return method == null;
    }

    public boolean isInferredPath() {
        return inferredPath;
    }

    /** True when the message body is the request object (its fields listed in {@link #bodyFields()}). */
    public boolean takesBodyObject() {
        return !bodyFields.isEmpty();
    }

    public boolean hasBodyParameters() {
        return parameters.stream().anyMatch(p -> p.location() == Location.BODY);
    }

    public Class<?> resultClass() {
        return resultType;
    }

    public boolean isResultList() {
        return resultList;
    }

    public JavaType resultType(TypeFactory types) {
        return resultList ? types.constructCollectionType(List.class, resultType) : types.constructType(resultType);
    }
}
