package io.github.camelaerona.api;

/**
 * The login of the account failed for a reason other than refused credentials: no login at that URL (404), over the
 * limit or an invalidated token (429), Aerona's own failure (5xx), or a reply without a token. Refused credentials
 * are its subclass {@link AeronaAuthenticationException}. The reply it carries has the credentials blanked out.
 */
public class AeronaLoginException extends AeronaApiException {

    /** With what went wrong said precisely; the reply must already be free of credentials. */
    public AeronaLoginException(int statusCode, String responseBody, String problem) {
        super("login", statusCode, responseBody, problem);
    }
}
