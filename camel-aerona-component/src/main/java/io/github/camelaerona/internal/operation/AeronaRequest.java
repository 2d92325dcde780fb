package io.github.camelaerona.internal.operation;

import io.github.camelaerona.api.AeronaOperation;

import java.util.Map;

import io.github.camelaerona.internal.transport.HttpCall;

/**
 * A checked request, ready for the wire.
 *
 * @param operation the operation
 * @param call      what goes on the wire
 * @param values    the checked parameter values, by option name, for headers and logs
 */
public record AeronaRequest(AeronaOperation operation, HttpCall call, Map<String, Object> values) {
}
