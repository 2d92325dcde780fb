package io.github.camelaerona.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the sandbox received it, with the status it answered.
 *
 * @param method  HTTP method
 * @param path    path below the API root, such as {@code /payments/search}
 * @param query   decoded query parameters (the last value wins when one repeats)
 * @param headers request headers, names in lower case
 * @param body    request body as text, empty when there was none
 * @param token   the AERONA-AUTH-TOKEN header, or null
 * @param at      arrival time on the sandbox clock
 * @param status  the status code answered, or -1 when the connection was dropped
 */
public record RecordedRequest(
        String method, String path, Map<String, String> query, Map<String, String> headers,
        String body, String token, Instant at, int status) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean isLogin() {
        return "/login".equals(path);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query) + " -> " + status;
    }
}
