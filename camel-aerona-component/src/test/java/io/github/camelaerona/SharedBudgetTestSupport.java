package io.github.camelaerona;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelaerona.internal.account.AccountKey;
import io.github.camelaerona.internal.account.AeronaAccounts;

import io.github.camelaerona.sandbox.AeronaSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.awaitility.Awaitility.await;

/**
 * Route tests of the shared budget on the real PostgreSQL: a scaled limit of {@value #LIMIT} per 2 s, enforced by
 * the sandbox too, and calls that may take at most 5 s (so a slot of a dead instance is back within 7 s). A loopback
 * call is far quicker, but a JVM under libfaketime (the clock matrix) runs several times slower.
 * <p>
 * An account stays a period after its last request, as in production, so each test starts once the accounts of
 * the tests before it have gone: they would otherwise keep working on the tables the next test drops.
 */
abstract class SharedBudgetTestSupport extends AeronaRouteTestSupport {

    static final int LIMIT = 10;
    static final Duration PERIOD = Duration.ofSeconds(2);
    private static final List<AccountKey> EARLIER = new CopyOnWriteArrayList<>();

    @BeforeEach
    void earlierTestsAccountsGone() {
        await().atMost(Duration.ofSeconds(30)).until(() -> EARLIER.stream().noneMatch(AeronaAccounts::holds));
        EARLIER.clear();
    }

    @AfterEach
    void rememberTheAccounts() {
        EARLIER.addAll(accountsOfTheTest());
    }

    /** The accounts a test may have used: the sandbox's default user, unless a test class uses others too. */
    protected List<AccountKey> accountsOfTheTest() {
        return List.of(new AccountKey(sandbox.baseUrl(), sandbox.username()));
    }

    @Override
    protected AeronaSandbox.Builder sandboxBuilder() {
        return AeronaSandbox.builder().rateLimit(LIMIT, PERIOD);
    }

    @Override
    protected void configure(AeronaComponent aerona) {
        aerona.getConfiguration().setRateLimit(LIMIT);
        // the budget is loaded with identical reads: each is to be a request of its own
        aerona.getConfiguration().setCoalesceReads(false);
        aerona.getConfiguration().setRateLimitPeriod(PERIOD.toMillis());
        aerona.getConfiguration().setCallTimeout(5000);
    }
}
