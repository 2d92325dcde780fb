package io.github.camelaerona.internal.operation;

import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelaerona.internal.operation.OperationSpec.Location;
import io.github.camelaerona.internal.operation.OperationSpec.ParameterUse;

/**
 * One place the value of a parameter may come from: the message's headers, the request body, the endpoint's URI
 * options, a polling consumer's window. {@link ParameterResolver} asks a list of them in order; the first value
 * found wins, so the list is the precedence.
 */
@FunctionalInterface
public interface ValueLookup {

    /** The raw value for the parameter as this operation uses it, or null. */
    Object find(ParameterUse use);

    /** A lookup by parameter alone, such as the headers or the URI options. */
    static ValueLookup byParameter(Function<AeronaParameter, Object> values) {
        return use -> values.apply(use.parameter());
    }

    /** Fixed values, such as the window a polling consumer asks for. */
    static ValueLookup fixed(Map<AeronaParameter, Object> values) {
        return use -> values.get(use.parameter());
    }

    /**
     * The fields of the JSON request body, for the parameters that travel in it (updateAppointmentStatus's
     * appointmentStatusId); a body never supplies a path or query parameter, so a record a previous step left in
     * the body never changes a search.
     */
    static ValueLookup bodyFields(ObjectNode body) {
        return use -> use.location() == Location.BODY && body != null ? RequestBody.javaValue(body.get(use.parameter().optionName())) : null;
    }
}
