package io.github.camelaerona;

import java.util.Map;

/**
 * A checked request, ready for the wire.
 *
 * @param operation    the operation
 * @param method       GET, POST or PUT
 * @param pathAndQuery the path below baseUrl with its encoded query, such as {@code /payments/search?fromDate=...}
 * @param jsonBody     the JSON request body, or null
 * @param values       the checked parameter values, by option name, for headers and logs
 */
public record AeronaRequest(
        AeronaOperation operation, String method, String pathAndQuery, String jsonBody, Map<String, Object> values) {
}
