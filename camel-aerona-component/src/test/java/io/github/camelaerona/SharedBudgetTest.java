package io.github.camelaerona;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.internal.account.AccountKey;
import io.github.camelaerona.internal.account.AeronaAccounts;
import io.github.camelaerona.internal.account.JdbcRateLimiter;
import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaRateLimitException;
import io.github.camelaerona.api.AeronaRateLimiter;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.SandboxStats;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budget kept in a real PostgreSQL ({@code budgetDataSource}): routes take their slots from the table, slots that
 * another instance holds (or held when it died) count, and a database that is down makes calls wait, never go
 * unthrottled. The sandbox's limit is scaled to 10 requests per 2 seconds, enforced and invalidating on excess.
 * Separate JVM processes sharing one budget are proved in the examples' cluster test.
 */
class SharedBudgetTest extends SharedBudgetTestSupport {

    private static SandboxPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = SandboxPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        postgres.restart();
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS aerona_budget_slot");
            s.execute("DROP TABLE IF EXISTS aerona_budget_clock");
        }
    }

    @AfterEach
    void databaseUp() {
        postgres.restart();
    }

    /** A pool in front of the database, for the test that exhausts one. */
    private javax.sql.DataSource pool;

    @Override
    protected void bindBeans(CamelContext context) {
        context.getRegistry().bind("budgetDb", postgres.dataSource());
        if (pool != null) {
            context.getRegistry().bind("pool", pool);
        }
    }

    @Test
    void callsTakeTheirSlotsFromTheDatabaseAndTheSandboxNeverSeesAnExcess() throws Exception {
        CamelContext context = startContext(practicesRoute(60_000));

        List<CompletableFuture<Object>> calls = new ArrayList<>();
        ProducerTemplate template = template(context);
        for (int i = 0; i < 3 * LIMIT; i++) {
            calls.add(template.asyncRequestBody("direct:practices", (Object) null));
        }
        for (CompletableFuture<Object> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }

        SandboxStats stats = sandbox.stats();
        assertEquals(3 * LIMIT + 1, stats.requests(), "30 calls and one login");
        assertTrue(stats.maxInWindow() <= LIMIT, "at most " + LIMIT + " per window, saw " + stats.maxInWindow());
        assertEquals(0, stats.invalidatedTokens());
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(account), MAX(account) FROM aerona_budget_slot")) {
            rs.next();
            assertEquals(LIMIT, rs.getInt(1), "one row per slot");
            assertEquals(sandbox.username() + " at " + sandbox.baseUrl(), rs.getString(2), "rows name the account");
            assertEquals(rs.getString(2), rs.getString(3));
        }
        assertFalse(tableText().contains(sandbox.password()), "no secret in the table");
    }

    @Test
    void slotsHeldByAnotherInstanceCountAndOnesOfADeadInstanceComeBackByThemselves() throws Exception {
        CamelContext context = startContext(practicesRoute(60_000));
        template(context).requestBody("direct:practices", (Object) null); // creates the account's slots
        await().atMost(Duration.ofSeconds(10)).until(() -> freeSlotsNow() == LIMIT);

        // "another instance": its own limiter on the same table takes 8 slots and is killed before releasing them
        ScheduledExecutorService otherTimer = new ScheduledThreadPoolExecutor(1);
        JdbcRateLimiter other = new JdbcRateLimiter(postgres.dataSource(), sandbox.username() + " at " + sandbox.baseUrl(),
                LIMIT, PERIOD, Duration.ofSeconds(5), 0, otherTimer);
        for (int i = 0; i < 8; i++) {
            AeronaRateLimiter.Permit neverReleased = other.acquire(Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
            assertTrue(neverReleased != null);
        }
        other.close();
        otherTimer.shutdownNow();
        assertEquals(2, freeSlotsNow());
        sandbox.resetStats();

        // this instance gets the 2 free slots at once; the other 8 only when the dead instance's hold
        // (callTimeout + period = 7 s from their grant) has passed
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(template(context).asyncRequestBody("direct:practices", (Object) null));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.stream().filter(CompletableFuture::isDone).count() == 2);
        assertEquals(2, sandbox.stats().requests());
        await().atMost(Duration.ofSeconds(30)).until(() -> calls.stream().allMatch(CompletableFuture::isDone));
        for (CompletableFuture<Object> call : calls) {
            call.get();
        }
        assertEquals(0, sandbox.stats().invalidatedTokens());
    }

    @Test
    void aDatabaseThatIsDownMakesCallsWaitAndFailNamingItNeverSendsThemUnthrottled() throws Exception {
        CamelContext context = startContext(practicesRoute(1_500), new RouteBuilder() {
            @Override
            public void configure() {
                // the first call sets up the tables and logs in, which takes a while on a slow JVM
                from("direct:first").to("aerona:getPractices?budgetDataSource=#budgetDb&rateLimitMaxWait=60000");
            }
        });
        template(context).requestBody("direct:first", (Object) null);
        sandbox.resetStats();

        postgres.stop();
        CamelExecutionException failed = assertThrows(CamelExecutionException.class,
                () -> template(context).requestBody("direct:practices", (Object) null));
        AeronaRateLimitException cause = assertInstanceOf(AeronaRateLimitException.class, failed.getCause());
        assertTrue(cause.getMessage().contains("database"), cause.getMessage());
        assertTrue(cause.getMessage().contains("not sent"), cause.getMessage());
        assertEquals(0, sandbox.stats().requests(), "nothing was sent without a slot");
    }

    @Test
    void callsWaitingWhileTheDatabaseIsDownGoOnceItIsBack() throws Exception {
        CamelContext context = startContext(practicesRoute(60_000));
        template(context).requestBody("direct:practices", (Object) null);
        sandbox.resetStats();

        postgres.stop();
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 2 * LIMIT; i++) {
            calls.add(template(context).asyncRequestBody("direct:practices", (Object) null));
        }
        // every call has reached the budget and waits there, unsent, for the database
        AeronaEndpoint endpoint = endpoint(context, "getPractices");
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.getWaitingCalls() == 2 * LIMIT);
        assertEquals(0, sandbox.stats().requests());
        postgres.restart();

        for (CompletableFuture<Object> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        SandboxStats stats = sandbox.stats();
        String seen = stats + "; " + endpoint.budgetReport().summary() + "; " + sandbox.requests().stream()
                .map(r -> r.method() + " " + r.path() + " " + r.status() + " at " + r.at()).toList();
        assertTrue(stats.maxInWindow() <= LIMIT, "saw " + stats.maxInWindow() + ": " + seen);
        assertEquals(0, stats.invalidatedTokens(), seen);
        assertEquals(2 * LIMIT, stats.requests(), seen);
    }

    @Test
    void anInteractiveCallOvertakesWaitingBackgroundCallsInTheSharedBudgetToo() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                // a 6 s period keeps the window full long enough to look at it on a slow JVM too
                from("direct:batch").to("aerona:getPractices?budgetDataSource=#budgetDb&priority=background"
                        + "&interactiveReserve=0&rateLimitPeriod=6000");
                from("direct:booking").to("aerona:getClinicians?budgetDataSource=#budgetDb&priority=interactive"
                        + "&interactiveReserve=0&rateLimitPeriod=6000");
            }
        });
        List<CompletableFuture<Object>> batch = new ArrayList<>();
        // the window is full: the login and 9 calls have their slots and their replies; 6 calls that came later wait,
        // for less than a period (a caller that has waited a period would go ahead of the booking, as it should)
        for (int i = 0; i < LIMIT - 1; i++) {
            batch.add(CompletableFuture.completedFuture(template(context).requestBody("direct:batch", (Object) null)));
        }
        for (int i = 0; i < 6; i++) {
            batch.add(template(context).asyncRequestBody("direct:batch", (Object) null));
        }
        AeronaEndpoint endpoint = endpoint(context, "getPractices");
        await().atMost(Duration.ofSeconds(60)).until(() -> endpoint.getWaitingCalls() <= 6);

        CompletableFuture<Object> booking = template(context).asyncRequestBody("direct:booking", (Object) null);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> booking.isDone() || endpoint.getWaitingCalls(AeronaPriority.INTERACTIVE) == 1);
        // while the booking waits, a freed slot can go to nobody else: the batch calls not waiting now went before it
        int batchWaiting = endpoint.getWaitingCalls(AeronaPriority.BACKGROUND);
        assertTrue(batchWaiting >= 1, "the booking found batch calls waiting");
        booking.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Object> call : batch) {
            call.get(30, TimeUnit.SECONDS);
        }
        List<String> paths = apiPathsInArrivalOrder();
        assertTrue(paths.indexOf("/clinicians") <= batch.size() - batchWaiting,
                "the booking went before the " + batchWaiting + " batch calls it found waiting: " + paths);
        assertTrue(sandbox.stats().maxInWindow() <= LIMIT);
        assertEquals(0, sandbox.stats().invalidatedTokens());
    }

    @Test
    void rowsDeletedOrTheTableDroppedAreRecreatedHeldAndTheBudgetRecovers() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of("io.github.camelaerona.internal.account")) {
            CamelContext context = startContext(practicesRoute(20_000));
            ProducerTemplate template = context.createProducerTemplate();
            template.requestBody("direct:practices", (Object) null);
            for (String cleanup : List.of("DELETE FROM aerona_budget_slot", "DROP TABLE aerona_budget_slot")) {
                try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute(cleanup);
                }
                // a restored backup or a cleanup job: the next call waits for the recreated slots, then goes
                assertInstanceOf(List.class, template.requestBody("direct:practices", (Object) null), cleanup);
                try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM aerona_budget_slot")) {
                    rows.next();
                    assertEquals(LIMIT, rows.getInt(1), cleanup + ": every slot is back");
                }
            }
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("finds 0 of its " + LIMIT + " slots")), logs.lines().toString());
            assertEquals(0, sandbox.stats().overLimit(), "recreated held, so nothing went over");
            assertEquals(0, sandbox.stats().invalidatedTokens());
        }
    }

    @Override
    protected void configure(AeronaComponent aerona) {
        super.configure(aerona);
        aerona.getConfiguration().setAccountResolver(name -> name.equals("the-clinic")
                ? new io.github.camelaerona.api.AeronaAccountResolver.Account(null, "clinic-api", "clinic-secret")
                : null);
    }

    @Override
    protected List<AccountKey> accountsOfTheTest() {
        return List.of(new AccountKey(sandbox.baseUrl(), sandbox.username()), new AccountKey(sandbox.baseUrl(), "clinic-api"));
    }

    @Override
    protected AeronaSandbox.Builder sandboxBuilder() {
        return super.sandboxBuilder().user(AeronaSandbox.DEFAULT_USERNAME, AeronaSandbox.DEFAULT_PASSWORD)
                .user("clinic-api", "clinic-secret");
    }

    @Test
    void aRouteThatNamesTheAccountPerMessageKeepsItsTokenAndBudget() throws Exception {
        CamelContext context = startContext(practicesRoute(60_000));
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(List.class, template(context).requestBodyAndHeader("direct:practices", null,
                    AeronaConstants.ACCOUNT, "the-clinic"));
        }
        // each message leases the account for its call only: the account stays between them, token and all
        assertEquals(1, sandbox.logins().size(), "one login for five messages");
        assertEquals(6, sandbox.stats("clinic-api").requests(), "the login and five calls, as the named account");
        assertEquals(0, sandbox.stats("clinic-api").invalidatedTokens());
    }

    @Test
    void anAccountDroppedAndOpenedAgainFindsTheClockSteady() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of("io.github.camelaerona.internal.account")) {
            CamelContext context = startContext(practicesRoute(60_000));
            template(context).requestBodyAndHeader("direct:practices", null, AeronaConstants.ACCOUNT, "the-clinic");
            AccountKey key = new AccountKey(sandbox.baseUrl(), "clinic-api");
            await().atMost(Duration.ofSeconds(30)).until(() -> !AeronaAccounts.holds(key));
            // and more than three clock checks (100 ms each at this period) later, as a message an hour on would be
            await().pollDelay(Duration.ofMillis(600)).until(() -> true);

            // a new limiter on the same rows: the last one stayed until its slots were free and checked once more,
            // so this one has no step to suspect
            template(context).requestBodyAndHeader("direct:practices", null, AeronaConstants.ACCOUNT, "the-clinic");
            assertEquals(2, sandbox.logins().size(), "dropped with its token, so a second login");
            assertTrue(logs.lines().stream().noneMatch(l -> l.contains("stepped")), logs.lines().toString());
        }
    }

    @Test
    void anExhaustedPoolIsReportedAsSuchNotAsAnUnreachableDatabase() throws Exception {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setDataSource(postgres.dataSource());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        try (com.zaxxer.hikari.HikariDataSource hikari = new com.zaxxer.hikari.HikariDataSource(config);
             CapturedLogs logs = CapturedLogs.of("io.github.camelaerona.internal.account");
             Connection taken = hikari.getConnection()) {
            this.pool = hikari;
            CamelContext context = startContext(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:pooled").to("aerona:getPractices?budgetDataSource=#pool&rateLimitMaxWait=1s");
                }
            });
            assertThrows(Exception.class, () -> context.createProducerTemplate().requestBody("direct:pooled", (Object) null));
            // logged by the budget's worker once the pool's 250 ms are up: on a slow JVM, after the call gave up
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> logs.lines().stream().anyMatch(l -> l.contains("shared rate budget")));
            String warning = logs.lines().stream().filter(l -> l.contains("shared rate budget")).findFirst().orElse("");
            assertTrue(warning.contains("got no connection from its DataSource in time"), logs.lines().toString());
            assertTrue(!warning.contains("cannot reach its database"), warning);
            assertTrue(taken.isValid(1), "the test's own connection held the pool's only one");
        }
    }

    /**
     * A background poll leaves the interactive reserve (9 of 10 here): with the login's slot and a booking's in the
     * shared window, it would wait, so it is skipped; once the window is empty again it is sent.
     */
    @Test
    void aPollGivesWayWhenTheSharedBudgetIsBusy() throws Exception {
        java.util.List<Long> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.time.LocalDate from = today().minusDays(30);
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:booking").to("aerona:getPatient?patientId=426709&priority=interactive"
                        + "&budgetDataSource=#budgetDb");
                from("aerona:searchPayments?initialFromDate=" + from + "&timeZone=Europe/London&delay=100"
                        + "&budgetDataSource=#budgetDb").routeId("payments").autoStartup(false)
                        .process(e -> received.add(e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class)));
            }
        });
        io.github.camelaerona.sandbox.SandboxFault held = io.github.camelaerona.sandbox.SandboxFault.hold()
                .path("/patients");
        sandbox.injectFault(held);
        CompletableFuture<Object> booking = template(context).asyncRequestBody("direct:booking", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> held.holding() == 1);

        context.getRouteController().startRoute("payments");
        AeronaEndpoint endpoint = endpoint(context, "getPatient");
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.budgetReport().pollsSkipped() >= 2);
        assertEquals(List.of(), sandbox.requests(r -> r.path().equals("/payments/search")),
                endpoint.budgetReport().summary());

        held.release();
        booking.get(30, TimeUnit.SECONDS);
        List<Long> expected = sandbox.data().searchPayments(null, from, today()).stream()
                .map(p -> (Long) p.get("id")).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= expected.size());
        assertEquals(expected, received, "every record once");
        assertTrue(sandbox.stats().maxInWindow() <= LIMIT);
        assertEquals(0, sandbox.stats().invalidatedTokens());
    }

    @Test
    void aDatabaseThatComesBackWithOlderRowsThanItAcknowledgedIsTreatedLikeVanishedRows() throws Exception {
        CamelContext context = startContext(practicesRoute(60_000));
        ProducerTemplate template = template(context);
        template.requestBody("direct:practices", (Object) null); // the login and one call
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS backup_slot");
            s.execute("DROP TABLE IF EXISTS backup_clock");
            s.execute("CREATE TABLE backup_slot AS SELECT * FROM aerona_budget_slot");
            s.execute("CREATE TABLE backup_clock AS SELECT * FROM aerona_budget_clock");
        }
        for (int i = 0; i < LIMIT - 2; i++) {
            template.requestBody("direct:practices", (Object) null);
        }
        // a failover to a standby that lagged, or a backup restored: the rows of two requests ago, all else free
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("DELETE FROM aerona_budget_slot");
            s.execute("INSERT INTO aerona_budget_slot SELECT * FROM backup_slot");
            s.execute("DELETE FROM aerona_budget_clock");
            s.execute("INSERT INTO aerona_budget_clock SELECT * FROM backup_clock");
            c.commit();
        }
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            calls.add(template.asyncRequestBody("direct:practices", (Object) null));
        }
        for (CompletableFuture<Object> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }

        SandboxStats stats = sandbox.stats();
        assertEquals(2 * LIMIT, stats.requests(), "every call was sent once, and one login: " + stats);
        assertTrue(stats.maxInWindow() <= LIMIT, "the restored rows' free slots were not trusted: " + stats);
        assertEquals(0, stats.invalidatedTokens());
    }

    @Test
    void aClaimIsCommittedDurablyBeforeItsRequestIsSentWhateverTheServersSynchronousCommit() throws Exception {
        List<String> statements = new CopyOnWriteArrayList<>();
        pool = StatementLog.of(postgres.dataSource(), statements);
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices?budgetDataSource=#pool&rateLimitMaxWait=60000")
                        .process(e -> statements.add("reply"));
            }
        });
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            assertEquals("off", rs.getString(1), "the sandbox's server acknowledges commits before writing them");
        }
        for (int i = 0; i < 3; i++) {
            template(context).requestBody("direct:practices", (Object) null);
        }
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).startsWith("UPDATE aerona_budget_slot SET free_at") && statements.get(i).contains("claim_id = ?,")) {
                claims.add(String.join(" | ", statements.subList(Math.max(0, i - 2), Math.min(statements.size(), i + 3))));
                assertTrue(statements.get(i - 1).contains("set_config('synchronous_commit', 'on', true)")
                        && statements.get(i - 2).equals("autoCommit=false"), "durable commit asked first: " + claims);
                int commit = statements.subList(i, statements.size()).indexOf("commit") + i;
                int reply = statements.subList(i, statements.size()).indexOf("reply") + i;
                assertTrue(commit > i && (reply < i || commit < reply), "committed before the reply: " + claims);
            }
        }
        assertEquals(4, claims.size(), "the login's claim and three calls': " + statements);
    }

    private RouteBuilder practicesRoute(long maxWaitMillis) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices")
                        .to("aerona:getPractices?budgetDataSource=#budgetDb&rateLimitMaxWait=" + maxWaitMillis);
            }
        };
    }

    private int freeSlotsNow() throws SQLException {
        try (Connection c = postgres.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM aerona_budget_slot"
                        + " WHERE free_at <= CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String tableText() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM aerona_budget_slot")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    text.append(rs.getString(i)).append(' ');
                }
            }
        }
        return text.toString();
    }
}
