package io.github.camelaerona.internal.operation;

import io.github.camelaerona.api.AeronaOperation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.internal.operation.OperationSpec.CrossRule;
import io.github.camelaerona.internal.operation.OperationSpec.ParameterUse;

/**
 * Finds each parameter of an operation in an ordered list of {@link ValueLookup}s and checks it by its rule and
 * the operation's rules across parameters. A broken rule throws {@link AeronaValidationException} naming the
 * operation and the field, before anything is sent.
 */
public final class ParameterResolver {

    private ParameterResolver() {
    }

    /** The checked values of the operation's parameters that have one, in canonical form. */
    public static Map<AeronaParameter, Object> resolve(AeronaOperation operation, List<ValueLookup> lookups) {
        String op = operation.name();
        Map<AeronaParameter, Object> values = new EnumMap<>(AeronaParameter.class);
        for (ParameterUse use : OperationSpecs.of(operation).parameters()) {
            AeronaParameter p = use.parameter();
            Object raw = find(use, lookups);
            if (raw == null) {
                if (use.required()) {
                    throw new AeronaValidationException(op, p.optionName(), "is required (URI option " + p.optionName()
                            + " or header " + p.headerName() + ")");
                }
                continue;
            }
            values.put(p, check(op, p.optionName(), p.rule(), raw));
        }
        for (CrossRule rule : OperationSpecs.of(operation).rules()) {
            String[] problem = rule.problem(values);
            if (problem != null) {
                throw new AeronaValidationException(op, problem[0], problem[1]);
            }
        }
        return values;
    }

    private static Object find(ParameterUse use, List<ValueLookup> lookups) {
        for (ValueLookup lookup : lookups) {
            Object raw = lookup.find(use);
            if (raw instanceof CharSequence text && text.length() == 0) {
                raw = null;
            }
            if (raw != null) {
                return raw;
            }
        }
        return null;
    }

    /** A value's canonical form under its rule, or the validation exception naming operation and field. */
    public static Object check(String operation, String field, ValueRule rule, Object raw) {
        try {
            return rule.check(raw);
        } catch (IllegalArgumentException e) {
            throw new AeronaValidationException(operation, field, e.getMessage());
        }
    }
}
