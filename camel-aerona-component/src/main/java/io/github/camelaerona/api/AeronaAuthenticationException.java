package io.github.camelaerona.api;

/**
 * Aerona refused the account's credentials (HTTP 401 or 403). Other failed logins are an
 * {@link AeronaLoginException}, this class's parent. The reply it carries has the credentials blanked out.
 */
public class AeronaAuthenticationException extends AeronaLoginException {

    public AeronaAuthenticationException(String account, int statusCode, String responseBody) {
        this(account, statusCode, responseBody, "Aerona refused the login of " + account + ".");
    }

    /** With what went wrong said precisely; the reply must already be free of credentials. */
    public AeronaAuthenticationException(String account, int statusCode, String responseBody, String problem) {
        super(statusCode, responseBody, problem);
    }
}
