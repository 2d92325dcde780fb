package io.github.camelaerona.internal.operation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * What one Aerona operation is: its kind, HTTP method, path, where each parameter goes and whether it is
 * required, the rules across parameters, the request body's fields, the result type and the answer that means
 * a refusal. {@link AeronaOperation} holds one per operation; requests, validation, headers and the docs table
 * are all derived from it.
 */
public final class OperationSpec {

    /** What an endpoint of the operation can do. */
    public enum Kind {
        /** A request and its reply: producers only. */
        CALL,
        /** A request over a date window: producers, and polling consumers that page through windows. */
        SEARCH,
        /** Aerona's webhooks: consumers only, no request is sent. */
        WEBHOOK
    }

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
    /** The rules that URI options alone can break (a header cannot make them right): checked at startup too. */
    private final List<CrossRule> uriRules = new ArrayList<>();
    private final List<String> ruleDescriptions = new ArrayList<>();
    private Class<?> resultType;
    private boolean resultList;
    private boolean inferredPath;
    private boolean referenceData;
    private String pollDateField;
    private String refusal;
    private Kind kind;

    private OperationSpec(Kind kind, String method, String path) {
        this.kind = kind;
        this.method = method;
        this.path = path;
    }

    static OperationSpec get(String path) {
        return new OperationSpec(Kind.CALL, "GET", path);
    }

    static OperationSpec post(String path) {
        return new OperationSpec(Kind.CALL, "POST", path);
    }

    static OperationSpec put(String path) {
        return new OperationSpec(Kind.CALL, "PUT", path);
    }

    /** Aerona's webhooks: a consumer receives them, no request is sent. */
    static OperationSpec webhook() {
        return new OperationSpec(Kind.WEBHOOK, null, null);
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
     * The operation searches a date window (fromDate, toDate) and can feed a polling consumer; the field holds each
     * record's date (a date, or a date-time whose date counts in the consumer's time zone).
     */
    /** A date window: {@code later} may not be before {@code earlier} (Aerona would answer an empty list). */
    OperationSpec notBefore(AeronaParameter later, AeronaParameter earlier) {
        ruleDescriptions.add(later.optionName() + " is not before " + earlier.optionName());
        CrossRule rule = values -> values.get(later) instanceof LocalDate end && values.get(earlier) instanceof LocalDate start
                && end.isBefore(start)
                ? new String[] { later.optionName(), "is " + end + ", before " + earlier.optionName() + " " + start
                        + ": the window would be empty" }
                : null;
        rules.add(rule);
        uriRules.add(rule);
        return this;
    }

    OperationSpec searchesBy(String dateField) {
        this.kind = Kind.SEARCH;
        this.pollDateField = dateField;
        return this;
    }

    /** Aerona answers 2xx with this body when it did not make the change (updateAppointmentStatus's false). */
    OperationSpec refusedWhenAnswered(String body) {
        this.refusal = body;
        return this;
    }

    /** The path is not on Aerona's published page and was inferred. */
    /** The practice's set-up, which changes seldom: its replies may be kept ({@code referenceDataTtl}). */
    OperationSpec referenceData() {
        this.referenceData = true;
        return this;
    }

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

    /** The rules checked on an endpoint's URI options when it starts. */
    public List<CrossRule> uriRules() {
        return List.copyOf(uriRules);
    }

    List<CrossRule> rules() {
        return rules;
    }

    public List<String> ruleDescriptions() {
        return List.copyOf(ruleDescriptions);
    }

    public Kind kind() {
        return kind;
    }

    /** The record field a polling consumer reads each record's date from. */
    public String pollDateField() {
        return pollDateField;
    }

    /** Whether a 2xx reply with this body means Aerona refused the change. */
    public boolean isRefusal(String replyBody) {
        return refusal != null && replyBody != null && refusal.equals(replyBody.trim());
    }

    /**
     * Whether the operation only reads (a GET): identical reads in flight can share one request
     * ({@code coalesceReads}). Writes never are.
     */
    public boolean isRead() {
        return kind != Kind.WEBHOOK && "GET".equals(method);
    }

    /** Whether its replies are reference data, kept for {@code referenceDataTtl}. */
    public boolean isReferenceData() {
        return referenceData;
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
