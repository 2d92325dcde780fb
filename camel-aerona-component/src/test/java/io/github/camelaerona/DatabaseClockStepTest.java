package io.github.camelaerona;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelaerona.internal.account.JdbcRateLimiter;
import io.github.camelaerona.api.AeronaRateLimiter;
import io.github.camelaerona.sandbox.SandboxStats;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared budget when the database's clock steps an hour either way, on a real PostgreSQL whose clock the test
 * moves ({@link SandboxPostgres#steppedClockJdbcUrl()}: the budget's sessions see a {@code clock_timestamp()} that
 * adds the step the test sets). The sandbox enforces 10 requests per 2 s and
 * invalidates the token on excess; it never sees the database's clock, only what was sent.
 */
class DatabaseClockStepTest extends SharedBudgetTestSupport {

    private static final long HOUR = 3_600_000;
    private static final Pattern STEP_LOGGED = Pattern.compile("stepped forward by about (\\d+) ms");
    private static SandboxPostgres postgres;
    private static PGSimpleDataSource steppedDb;

    @BeforeAll
    static void startPostgres() {
        postgres = SandboxPostgres.start();
        steppedDb = postgres.steppedClockDataSource();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void clockInStepAndNoBudgetYet() throws SQLException {
        postgres.setClockStep(Duration.ZERO);
        execute("DROP TABLE IF EXISTS aerona_budget_slot");
        execute("DROP TABLE IF EXISTS aerona_budget_clock");
    }

    @Override
    protected void bindBeans(CamelContext context) {
        context.getRegistry().bind("budgetDb", steppedDb);
    }

    @Test
    void aStepForwardDoesNotFreeTheSlotsOfTheWindow() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of("io.github.camelaerona.internal.account")) {
            CamelContext context = startContext(practicesRoute());
            callAll(context, LIMIT - 1); // with the login, the window is full

            postgres.setClockStep(Duration.ofMillis(HOUR));
            // with the database's time an hour on, every slot's time is in its past
            callAll(context, 2 * LIMIT);

            SandboxStats stats = sandbox.stats();
            assertEquals(3 * LIMIT, stats.requests());
            assertTrue(stats.maxInWindow() <= LIMIT, "at most " + LIMIT + " in a window, saw " + stats.maxInWindow());
            assertEquals(0, stats.invalidatedTokens());
            // measured to within the readings' round trips: a few ms here, seconds on a JVM slowed down a lot
            long measured = logs.lines().stream().map(STEP_LOGGED::matcher).filter(Matcher::find)
                    .mapToLong(m -> Long.parseLong(m.group(1))).findFirst().orElseThrow(() -> new AssertionError(
                            "no step logged: " + logs.lines()));
            assertTrue(measured >= HOUR && measured < HOUR + 5000, "the step measured as " + measured + " ms");
        }
    }

    @Test
    void aStepBackDoesNotStallTheBudgetForAnHour() throws Exception {
        CamelContext context = startContext(practicesRoute());
        callAll(context, LIMIT - 1);

        postgres.setClockStep(Duration.ofMillis(-HOUR));
        // every held slot's time is now an hour further off; the calls would wait that long, and fail at the
        // route's rateLimitMaxWait of 60 s, if the step stayed in
        callAll(context, 3 * LIMIT);

        SandboxStats stats = sandbox.stats();
        assertEquals(4 * LIMIT, stats.requests());
        assertTrue(stats.maxInWindow() <= LIMIT, "saw " + stats.maxInWindow());
        assertEquals(0, stats.invalidatedTokens());
    }

    @Test
    void twoInstancesRunningAcrossAStepTakeItOutOnce() throws Exception {
        CamelContext context = startContext(practicesRoute());
        callAll(context, 3);
        ScheduledExecutorService otherTimer = new ScheduledThreadPoolExecutor(1);
        JdbcRateLimiter other = new JdbcRateLimiter(steppedDb, account(), LIMIT, PERIOD, Duration.ofSeconds(2), 0,
                otherTimer);
        try {
            other.acquire(Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS).release();

            postgres.setClockStep(Duration.ofMillis(HOUR));
            List<CompletableFuture<?>> both = new ArrayList<>();
            for (int i = 0; i < LIMIT; i++) {
                both.add(template(context).asyncRequestBody("direct:practices", (Object) null));
                both.add(other.acquire(Duration.ofSeconds(60)).thenAccept(AeronaRateLimiter.Permit::release));
            }
            for (CompletableFuture<?> call : both) {
                call.get(90, TimeUnit.SECONDS);
            }
        } finally {
            other.close();
            otherTimer.shutdownNow();
        }
        long offset = offset();
        assertTrue(Math.abs(offset + HOUR) < 5000, "the hour taken out once, not once per instance: " + offset);
        assertEquals(0, sandbox.stats().invalidatedTokens());
    }

    @Test
    void anInstanceStartedAfterAStepThatNobodyTookOutKeepsTheHeldSlotsHeld() throws Exception {
        // started first, as starting takes long on a slow JVM; its budget reads the database at its first call only
        CamelContext context = startContext(practicesRoute());
        // an instance takes 8 slots and dies holding them (held callTimeout + period = 12 s from their grant)
        ScheduledExecutorService otherTimer = new ScheduledThreadPoolExecutor(1);
        JdbcRateLimiter other = new JdbcRateLimiter(steppedDb, account(), LIMIT, PERIOD, Duration.ofSeconds(10), 0,
                otherTimer);
        for (int i = 0; i < 8; i++) {
            other.acquire(Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
        }
        other.close();
        otherTimer.shutdownNow();

        // then the clock steps, and only afterwards does this instance call: it has no reading from before
        postgres.setClockStep(Duration.ofMillis(HOUR));
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(template(context).asyncRequestBody("direct:practices", (Object) null));
        }
        // the login and one call take the 2 free slots; the rest wait for the dead instance's slots
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.stats().requests() == 2);
        assertEquals(2, sandbox.stats().requests(), "only the free slots are used, not the 8 the step made look free");
        for (CompletableFuture<Object> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }
        assertEquals(5, sandbox.stats().requests());
        assertEquals(0, sandbox.stats().invalidatedTokens());
    }

    private void callAll(CamelContext context, int count) throws Exception {
        ProducerTemplate template = template(context);
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(template.asyncRequestBody("direct:practices", (Object) null));
        }
        for (CompletableFuture<Object> call : calls) {
            call.get(120, TimeUnit.SECONDS);
        }
    }

    private String account() {
        return sandbox.username() + " at " + sandbox.baseUrl();
    }

    private static RouteBuilder practicesRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices?budgetDataSource=#budgetDb&rateLimitMaxWait=60000");
            }
        };
    }

    private static long offset() throws SQLException {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT offset_ms FROM aerona_budget_clock")) {
            assertTrue(rs.next());
            long offset = rs.getLong(1);
            assertTrue(!rs.next(), "one row for the one account");
            return offset;
        }
    }

    private static void execute(String statement) throws SQLException {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
