package io.github.camelaerona.internal.account;

import io.github.camelaerona.api.AeronaAuthenticationException;
import io.github.camelaerona.api.AeronaLoginException;

/** What a refused login means, said by its HTTP status, so a wrong URL never reads as a wrong password. */
final class LoginFailures {

    private LoginFailures() {
    }

    static AeronaLoginException of(AccountKey key, int status, String reply) {
        String login = "the login of " + key;
        if (status == 401 || status == 403) {
            return new AeronaAuthenticationException(key.toString(), status, reply,
                    "Aerona refused " + login + " (HTTP " + status + "): the credentials were refused; check the username"
                    + " and password.");
        }
        if (status == 404) {
            return new AeronaLoginException(status, reply, "No login at that URL for " + login + " (HTTP 404): check"
                    + " baseUrl and loginPath.");
        }
        if (status == 429) {
            return new AeronaLoginException(status, reply, "Aerona refused " + login + " as over its rate limit, or the"
                    + " account's token was invalidated (HTTP 429): the account sent more than Aerona allows in its window.");
        }
        if (status >= 500) {
            return new AeronaLoginException(status, reply, "Aerona failed to answer " + login + " (HTTP " + status
                    + "): Aerona's own failure; the credentials were not judged.");
        }
        return new AeronaLoginException(status, reply, "Aerona refused " + login + " (HTTP " + status + ").");
    }
}
