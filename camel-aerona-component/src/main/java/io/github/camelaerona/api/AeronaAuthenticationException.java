package io.github.camelaerona.api;

/** Aerona refused the login of the account (wrong credentials, or the account is locked or over its limit). */
public class AeronaAuthenticationException extends AeronaApiException {

    public AeronaAuthenticationException(String account, int statusCode, String responseBody) {
        super("login", statusCode, responseBody, "Aerona refused the login of " + account + ".");
    }
}
