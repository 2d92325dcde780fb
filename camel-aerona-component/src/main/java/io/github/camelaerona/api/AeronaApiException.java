package io.github.camelaerona.api;

import io.github.camelaerona.internal.SafeText;

/**
 * Aerona answered a call with a failure: a status other than 2xx, a reply that could not be read, or
 * {@code false} from updateAppointmentStatus. Carries the HTTP status and Aerona's reply as it came.
 */
public class AeronaApiException extends AeronaException {

    /** How much of a reply an exception keeps: enough to see what went wrong, never a whole error page. */
    public static final int MAX_REPLY_KEPT = 64 * 1024;

    private final String operation;
    private final int statusCode;
    private final String responseBody;

    public AeronaApiException(String operation, int statusCode, String responseBody, String problem) {
        this(operation, statusCode, responseBody, problem, null);
    }

    public AeronaApiException(String operation, int statusCode, String responseBody, String problem, Throwable cause) {
        super("Aerona operation " + operation + " failed with HTTP " + statusCode + ": " + problem
                + (responseBody == null || responseBody.isEmpty() ? "" : " Reply: "
                        + SafeText.excerpt(responseBody, SafeText.REPLY_LENGTH)), cause);
        this.operation = operation;
        this.statusCode = statusCode;
        this.responseBody = responseBody == null || responseBody.length() <= MAX_REPLY_KEPT
                ? responseBody : responseBody.substring(0, MAX_REPLY_KEPT);
    }

    public String getOperation() {
        return operation;
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** Aerona's reply, its first {@link #MAX_REPLY_KEPT} characters at most. */
    public String getResponseBody() {
        return responseBody;
    }
}
