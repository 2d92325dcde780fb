package io.github.camelaerona.api;

/**
 * The login of the account failed: Aerona refused it (wrong credentials, the account locked or over its limit), or
 * answered without a token. The reply it carries has the credentials blanked out.
 */
public class AeronaAuthenticationException extends AeronaApiException {

    public AeronaAuthenticationException(String account, int statusCode, String responseBody) {
        this(account, statusCode, responseBody, "Aerona refused the login of " + account + ".");
    }

    /** With what went wrong said precisely; the reply must already be free of credentials. */
    public AeronaAuthenticationException(String account, int statusCode, String responseBody, String problem) {
        super("login", statusCode, responseBody, problem);
    }
}
