package io.github.camelaerona.internal.transport;

/**
 * What Aerona answered.
 *
 * @param status the HTTP status code
 * @param body   the body as text, empty when there was none
 * @param token  the AERONA-AUTH-TOKEN response header, or null
 */
public record HttpReply(int status, String body, String token) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        // the token stays out of any log line that prints a reply
        return "HttpReply[status=" + status + ", body=" + body.length() + " chars]";
    }
}
