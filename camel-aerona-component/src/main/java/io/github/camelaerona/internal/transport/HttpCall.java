package io.github.camelaerona.internal.transport;

/**
 * One request as it goes on the wire, without the token (the account adds it).
 *
 * @param method       GET, POST or PUT
 * @param pathAndQuery the path below baseUrl with its encoded query, such as {@code /payments/search?fromDate=...}
 * @param jsonBody     the JSON request body, or null
 */
public record HttpCall(String method, String pathAndQuery, String jsonBody) {

    /** Only the method and path: the query may hold ids of patients, the body personal data. */
    @Override
    public String toString() {
        int query = pathAndQuery.indexOf('?');
        return method + " " + (query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
    }
}
