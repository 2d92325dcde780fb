package io.github.camelaerona.api;

import java.time.Duration;

/**
 * A call waited {@code rateLimitMaxWait} for a free slot in the account's rate budget and got none. It was never
 * sent, so the token is safe; the route's error handler decides whether to try again.
 */
public class AeronaRateLimitException extends AeronaException {

    public AeronaRateLimitException(String account, int limit, Duration period, Duration waited) {
        super("No free slot in the Aerona rate budget of " + account + " (" + limit + " requests per " + period
                + ") within " + waited + "; the request was not sent");
    }

    /** As above, with why no slot came (a shared budget whose database failed, say). */
    public AeronaRateLimitException(String account, int limit, Duration period, Duration waited, String why) {
        super("No free slot in the Aerona rate budget of " + account + " (" + limit + " requests per " + period
                + ") within " + waited + ": " + why + "; the request was not sent");
    }
}
