package io.github.camelaerona.api;

/**
 * Aerona answered a call with a failure: a status other than 2xx, a reply that could not be read, or
 * {@code false} from updateAppointmentStatus. Carries the HTTP status and Aerona's reply as it came.
 */
public class AeronaApiException extends AeronaException {

    private static final int MAX_REPLY_IN_MESSAGE = 500;

    private final String operation;
    private final int statusCode;
    private final String responseBody;

    public AeronaApiException(String operation, int statusCode, String responseBody, String problem) {
        this(operation, statusCode, responseBody, problem, null);
    }

    public AeronaApiException(String operation, int statusCode, String responseBody, String problem, Throwable cause) {
        super("Aerona operation " + operation + " failed with HTTP " + statusCode + ": " + problem
                + (responseBody == null || responseBody.isEmpty() ? "" : " Reply: " + abbreviate(responseBody)), cause);
        this.operation = operation;
        this.statusCode = statusCode;
        this.responseBody = responseBody;
    }

    public String getOperation() {
        return operation;
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** Aerona's reply, whole. */
    public String getResponseBody() {
        return responseBody;
    }

    private static String abbreviate(String body) {
        return body.length() <= MAX_REPLY_IN_MESSAGE ? body : body.substring(0, MAX_REPLY_IN_MESSAGE) + "...";
    }
}
