package io.github.camelaerona.internal.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.camelaerona.api.AeronaRateLimiter;
import io.github.camelaerona.internal.SettingsDifferences;
import io.github.camelaerona.internal.SettingsDifferences.NotCompared;
import io.github.camelaerona.internal.transport.TransportSettings;

/**
 * What an account is made of: the credentials, how to reach Aerona, the rate budget, when to renew the token and
 * the clock that times it. The first lease of an account fixes them (see {@link AeronaAccounts} for what a later,
 * different lease changes).
 *
 * @param password    the user's password
 * @param transport   how to reach Aerona
 * @param budget      the rate budget
 * @param tokenRenewMargin how long before the token's hour is up it is renewed
 * @param loginBackoff how long no login is attempted after a refused one, doubling up to the period; zero: none
 * @param clock       where "now" comes from for the token's hour
 * @param login       how a login is sent
 */
public record AccountSettings(String password, TransportSettings transport, @NotCompared Budget budget,
        Duration tokenRenewMargin,
        Duration loginBackoff, Clock clock, Login login) {

    /**
     * The login request: {@code POST path} with a JSON object of the two fields (options loginPath,
     * loginUsernameField, loginPasswordField; the defaults are inferred from Aerona's page).
     */
    public record Login(String loginPath, String loginUsernameField, String loginPasswordField) {
        public static final Login INFERRED = new Login("/login", "username", "password");
    }

    /**
     * The budget an endpoint asks for: its own limiter bean, or a limit per period, kept in the JVM or, with a
     * {@code sharedStore}, in a database every instance of the account uses; none when not {@code enabled}.
     *
     * @param enabled            false only by the explicit switch {@code rateLimitEnabled=false}
     * @param maxCallTime        the longest a request can be in flight ({@code callTimeout}); a shared slot of an
     *                           instance that died comes back this long plus the period after it was taken
     * @param interactiveReserve the slots a background call leaves free ({@code interactiveReserve})
     * @param waitWarning        a wait longer than this is logged, once per window ({@code rateLimitWaitWarning})
     * @param journal            the file the in-JVM budget keeps its window in ({@code budgetJournal}); may be null
     */
    public record Budget(AeronaRateLimiter customLimiter, boolean enabled, int limit, Duration period, DataSource sharedStore,
            Duration maxCallTime, int interactiveReserve, Duration waitWarning, java.nio.file.Path journal) {

        /** The default reserve from background calls: three bookings' worth (find slots, book, confirm). */
        public static final int DEFAULT_INTERACTIVE_RESERVE = 10;
        public static final Duration DEFAULT_WAIT_WARNING = Duration.ofMinutes(1);

        boolean unlimited() {
            return customLimiter == null && !enabled;
        }
    }

    /**
     * The settings other than the budget in which {@code other} differs, by option name; never their values. The
     * budget is joined, not compared (see {@link AeronaAccounts}).
     */
    List<String> differencesFrom(AccountSettings other) {
        return SettingsDifferences.between(this, other);
    }
}
