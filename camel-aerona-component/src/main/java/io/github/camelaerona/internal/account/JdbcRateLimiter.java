package io.github.camelaerona.internal.account;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.github.camelaerona.api.AeronaException;
import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaRateLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's budget shared by every JVM that uses the same database: the rule of {@link SlidingWindowRateLimiter}
 * (a request holds a slot from its grant until {@code period} after its response), kept in a table with one row per
 * slot ({@link BudgetSql}).
 * <ul>
 * <li>Times are the database's: a slot's row says when it is free again, in milliseconds of the database's clock,
 * so instances whose clocks disagree still agree on the budget.</li>
 * <li>A granted slot is held until {@code maxCallTime + period} from its grant; the response shortens that to
 * {@code period} from the response. An instance that dies mid-call (kill -9, network cut) leaves its slots to come
 * back by themselves, at most {@code maxCallTime + period} after they were taken: no heartbeat needed.</li>
 * <li>Waiting callers hold no thread: they are futures, granted by the account's database work, which runs one task
 * at a time on the workers all shared budgets of the JVM use ({@link AccountThreads}) and is woken by the shared
 * scheduler when the next slot frees (or by a release or a new caller).</li>
 * <li>A database that is down or slow never turns into a local budget: callers wait, the worker retries every
 * second, and callers that waited {@code rateLimitMaxWait} fail with {@link AeronaRateLimitException} naming the
 * database's failure.</li>
 * <li>A step of the database's clock is seen by comparing it with this JVM's monotonic clock, and taken out of the
 * account's offset once ({@link BudgetClock}); while any slot is held each instance checks every
 * {@link BudgetClock#checkEvery(long) twentieth of the period}, at most 5 s, whether or not it has callers.</li>
 * </ul>
 * The tables are created when missing; rows name the account (user and API root), never a secret.
 */
public final class JdbcRateLimiter implements AccountRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRateLimiter.class);
    private static final int QUERY_TIMEOUT_SECONDS = 10;
    private static final long RETRY_MILLIS = 1000;

    private final DataSource dataSource;
    private final String account;
    private final long maxCallMillis;
    /** How long after its grant a slot may still be used for a request; see {@link SlotPermit#usable()}. */
    private final long sendWindowMillis;
    /** The most claims this instance saw counted in the database (see {@link BudgetSql#COUNT_CLAIM}). */
    private long claimsSeen;
    private final ScheduledExecutorService timer;
    /** This account's database work, in order, on the workers every shared budget of the JVM uses. */
    private final SerialWork worker;
    private final String holder;
    private volatile int limit;
    private volatile long periodMillis;
    private final int interactiveReserve;
    /** Callers waiting, one queue per priority; guarded by itself. */
    private final PriorityWaiters waiters;
    private final Queue<SlotPermit> failedReleases = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong granted = new AtomicLong();
    private BudgetSql sql;
    /** Set up once already: rows missing from now on vanished (a restore, a failover, a cleanup job). */
    private boolean setUpBefore;
    private volatile ScheduledFuture<?> nextPump;
    private long nextPumpAt;
    private volatile int lastSeenFree = -1;
    private volatile String databaseFailure;
    private final BudgetClock clock;
    /** Until when to read the clock although nobody waits: while slots are held, and one check after. */
    private volatile long watchUntilNanos = System.nanoTime();

    /**
     * @param maxCallTime the longest a request can be in flight ({@code callTimeout}): how long a slot of a dead
     *                    instance stays taken beyond the period
     * @param timer       a timer, for the callers' waiting limits and the next round; also runs the database work
     */
    public JdbcRateLimiter(DataSource dataSource, String account, int limit, Duration period, Duration maxCallTime,
            int interactiveReserve, ScheduledExecutorService timer) {
        this(dataSource, account, limit, period, maxCallTime, interactiveReserve, timer, timer);
    }

    /**
     * @param timer   the scheduler the accounts share, for the callers' waiting limits and the next round
     * @param workers where the database work runs (this budget's tasks one at a time, in order)
     */
    JdbcRateLimiter(DataSource dataSource, String account, int limit, Duration period, Duration maxCallTime,
            int interactiveReserve, ScheduledExecutorService timer, Executor workers) {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A shared rate budget needs a positive limit and period");
        }
        this.dataSource = dataSource;
        this.account = account;
        this.limit = limit;
        this.periodMillis = period.toMillis();
        this.maxCallMillis = maxCallTime.toMillis();
        this.sendWindowMillis = sendWindow(maxCallTime).toMillis();
        this.timer = timer;
        this.interactiveReserve = Math.max(0, interactiveReserve);
        this.clock = new BudgetClock(periodMillis, maxCallMillis);
        this.waiters = new PriorityWaiters(System::nanoTime, TimeUnit.MILLISECONDS.toNanos(periodMillis));
        this.holder = ManagementFactory.getRuntimeMXBean().getName();
        this.worker = new SerialWork(workers, "the shared rate budget of " + account);
    }

    /**
     * Grants in priority order among this instance's callers; across instances the reserve is what protects
     * interactive calls (a background caller of any instance leaves the last {@code interactiveReserve} free slots).
     */
    @Override
    public CompletableFuture<Permit> acquire(Duration maxWait, AeronaPriority priority) {
        CompletableFuture<Permit> result = new CompletableFuture<>();
        waiters.add(priority, result);
        int limitNow = limit;
        Duration periodNow = Duration.ofMillis(periodMillis);
        MaxWait.failAfter(result, maxWait, timer, () -> databaseFailure == null
                ? new AeronaRateLimitException(account, limitNow, periodNow, maxWait)
                : new AeronaRateLimitException(account, limitNow, periodNow, maxWait,
                        "the shared budget's database failed: " + databaseFailure));
        wakeUp();
        return result;
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public Duration period() {
        return Duration.ofMillis(periodMillis);
    }

    @Override
    public synchronized void restrictTo(int otherLimit, Duration otherPeriod) {
        this.limit = Math.min(limit, otherLimit);
        this.periodMillis = Math.max(periodMillis, otherPeriod.toMillis());
        waiters.ageAfter(TimeUnit.MILLISECONDS.toNanos(periodMillis));
    }

    @Override
    public int availablePermits() {
        return lastSeenFree;
    }

    /**
     * Judged by the free slots of the last check of the database (nothing is asked of it here): the shared window
     * may have changed since, so this is the instance's best view, not a promise.
     */
    @Override
    public boolean wouldWait(AeronaPriority priority) {
        int free = lastSeenFree;
        int needed = priority == AeronaPriority.BACKGROUND ? 1 + Math.min(interactiveReserve, limit - 1) : 1;
        return waiters.anyAtOrAbove(priority) || free >= 0 && free < needed;
    }

    @Override
    public int waiting() {
        return waiters.live();
    }

    @Override
    public int waiting(AeronaPriority priority) {
        return waiters.live(priority);
    }

    @Override
    public Duration timeToNextSlot() {
        return null;
    }

    /** Until the last slot this instance saw held is free and the clock was checked once more after it. */
    @Override
    public Duration drainsIn() {
        long left = watchUntilNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /**
     * How long after its grant a shared slot may be used: {@code callTimeout}, at most 5 s. A slot's row is held for
     * this plus {@code callTimeout} plus the period, so a request that starts within it has reached Aerona before
     * the row can free by itself, even if its instance dies and never releases it.
     */
    static Duration sendWindow(Duration maxCallTime) {
        Duration most = Duration.ofSeconds(5);
        return maxCallTime.compareTo(most) < 0 ? maxCallTime : most;
    }

    /** Statements sent to the database so far (to measure what a slot costs). */
    public long statements() {
        return statements.get();
    }

    /** Slots granted by this instance so far. */
    public long granted() {
        return granted.get();
    }

    @Override
    public void close() {
        for (CompletableFuture<Permit> waiter : waiters.drain()) {
            waiter.completeExceptionally(new AeronaException("The Aerona account " + account
                    + " was closed while the call waited for the shared rate budget; the request was not sent"));
        }
        if (nextPump != null) {
            nextPump.cancel(false);
        }
        // releases already queued still run; later ones leave their slots to expire by themselves
        worker.closeAndWait(Duration.ofSeconds(5));
    }

    private void wakeUp() {
        if (pumpQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::pump);
            } catch (RejectedExecutionException closed) {
                pumpQueued.set(false);
            }
        }
    }

    /** Runs on the worker only: grants free slots to waiters in order, then sleeps until the next one frees. */
    private void pump() {
        pumpQueued.set(false);
        if (nextPump != null) {
            nextPump.cancel(false);
            nextPump = null;
        }
        retryFailedReleases();
        boolean watching = System.nanoTime() - watchUntilNanos < 0;
        if (!waiters.anyLive() && !watching) {
            return;
        }
        long delay;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            setUpTable(connection);
            delay = grantFreeSlots(connection);
            if (databaseFailure != null) {
                LOG.info("The shared rate budget of {} reaches its database again", account);
                databaseFailure = null;
            }
        } catch (SQLException | RuntimeException e) {
            if (databaseFailure == null) {
                LOG.warn("The shared rate budget of {} {} ({}); calls wait for it, up to rateLimitMaxWait, and are never"
                        + " sent without a slot", account, whatFailed(e), e.toString());
            }
            databaseFailure = e.toString();
            // the table may be what failed (dropped, restored without it): set it up again on the next try
            sql = null;
            delay = Math.min(RETRY_MILLIS, periodMillis);
        }
        if (waiters.anyLive()) {
            schedulePump(System.nanoTime() - watchUntilNanos < 0 ? Math.min(delay, clock.checkEveryMillis()) : delay);
        } else if (System.nanoTime() - watchUntilNanos < 0) {
            schedulePump(clock.checkEveryMillis());
        }
    }

    /** @return milliseconds until the next slot is expected to be free */
    private long grantFreeSlots(Connection connection) throws SQLException {
        int currentLimit = limit;
        long now;
        List<long[]> free = new ArrayList<>();
        long nextFree = Long.MAX_VALUE;
        int foregroundHeld = 0;
        int rows;
        long offset = 0;
        Long checkedAt = null;
        boolean clockRow = true;
        long claimsCounted = 0;
        long maxFreeAt = Long.MIN_VALUE;
        long startNanos = System.nanoTime();
        try (PreparedStatement select = prepare(connection, sql.slots())) {
            for (int i = 1; i <= 5; i++) {
                select.setString(i, account);
            }
            select.setInt(6, currentLimit);
            try (ResultSet rs = select.executeQuery()) {
                now = Long.MIN_VALUE;
                List<long[]> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(new long[] { rs.getInt(1), rs.getLong(2), rs.getInt(3) });
                    now = rs.getLong(4);
                    offset = rs.getLong(5);
                    clockRow &= !rs.wasNull();
                    long checked = rs.getLong(6);
                    checkedAt = rs.wasNull() ? null : checked;
                    claimsCounted = rs.getLong(7);
                }
                rows = all.size();
                for (long[] slot : all) {
                    maxFreeAt = Math.max(maxFreeAt, slot[1]);
                    if (slot[1] <= now) {
                        free.add(slot);
                    } else {
                        nextFree = Math.min(nextFree, slot[1]);
                        foregroundHeld += slot[2] == 0 ? 1 : 0;
                    }
                }
            }
        }
        long endNanos = System.nanoTime();
        boolean markChecked = false;
        if (rows > 0 && !clockRow) {
            LOG.warn("The shared rate budget of {} finds no row of its own in {}; it is recreated, and the slots are"
                    + " checked against the database's clock afresh", account, BudgetSql.CLOCK_TABLE);
            sql = null;
            return Math.min(RETRY_MILLIS, periodMillis);
        }
        if (rows > 0 && claimsCounted < claimsSeen) {
            holdAfterLostRows(connection, claimsCounted);
            return 0;
        }
        if (rows == currentLimit) {
            BudgetClock.Verdict verdict = clock.observe(now, offset, checkedAt, maxFreeAt, startNanos, endNanos);
            if (verdict instanceof BudgetClock.Suspect) {
                return clock.checkEveryMillis();
            }
            if (verdict instanceof BudgetClock.Step step) {
                correctClock(connection, step, now, offset, checkedAt);
                return 0;
            }
            markChecked = ((BudgetClock.Steady) verdict).refresh();
            if (maxFreeAt > now) {
                watchUntilNanos = endNanos + TimeUnit.MILLISECONDS.toNanos(maxFreeAt - now + clock.checkEveryMillis());
            }
        }
        if (rows < currentLimit) {
            // rows vanished since setup: grant nothing from a partial window; the next try recreates them held
            LOG.warn("The shared rate budget of {} finds {} of its {} slots in {}; the missing ones are recreated,"
                    + " each held for one rateLimitPeriod", account, rows, currentLimit, BudgetSql.TABLE);
            sql = null;
            return Math.min(RETRY_MILLIS, periodMillis);
        }
        free.sort((a, b) -> Long.compare(a[1], b[1]));
        lastSeenFree = free.size();
        int freeLeft = free.size();
        boolean lostARace = false;
        for (long[] slot : free) {
            PriorityWaiters.Waiter waiter = waiters.next(
                    freeLeft - PriorityWaiters.keptFromBackground(interactiveReserve, currentLimit, foregroundHeld) >= 1);
            if (waiter == null) {
                break;
            }
            long claimId = ThreadLocalRandom.current().nextLong();
            int won;
            try {
                won = claim(connection, slot, claimId, waiter.priority());
            } catch (SQLException e) {
                waiters.putBack(waiter);
                throw e;
            }
            freeLeft--;
            if (won == 0) {
                waiters.putBack(waiter); // another instance took it between our read and our claim
                lostARace = true;
                continue;
            }
            lastSeenFree--;
            foregroundHeld += waiter.priority() == AeronaPriority.BACKGROUND ? 0 : 1;
            granted.incrementAndGet();
            SlotPermit permit = new SlotPermit((int) slot[0], claimId, System.nanoTime());
            if (!waiter.future().complete(permit)) {
                permit.giveBack(0); // the caller stopped waiting in the meantime; nothing was sent
            }
        }
        if (markChecked) { // after the grants: the callers need not wait for it
            markChecked(connection, now, offset);
        }
        if (lostARace) {
            return ThreadLocalRandom.current().nextLong(1, 20);
        }
        return nextFree == Long.MAX_VALUE ? periodMillis : Math.max(1, Math.min(nextFree - now, periodMillis));
    }

    /**
     * Takes the slot if it is still free and counts the claim, in one transaction whose commit is durable before the
     * caller may send (whatever the server's {@code synchronous_commit}). Held until the call's latest possible start
     * ({@link #sendWindowMillis}) plus its longest flight plus the period.
     *
     * @return 1 if this instance won the slot, 0 if another took it since our reading
     */
    private int claim(Connection connection, long[] slot, long claimId, AeronaPriority priority) throws SQLException {
        long[] wonAndCounted = durably(connection, () -> {
            int won;
            try (PreparedStatement claim = prepare(connection, sql.claim())) {
                claim.setLong(1, sendWindowMillis + maxCallMillis + periodMillis);
                claim.setLong(2, claimId);
                claim.setString(3, holder);
                claim.setInt(4, priority == AeronaPriority.BACKGROUND ? 1 : 0);
                claim.setString(5, account);
                claim.setInt(6, (int) slot[0]);
                won = claim.executeUpdate();
            }
            long counted = -1;
            if (won == 1) {
                try (PreparedStatement count = prepare(connection, BudgetSql.COUNT_CLAIM)) {
                    count.setString(1, account);
                    try (ResultSet rs = count.executeQuery()) {
                        counted = rs.next() ? rs.getLong(1) : -1;
                    }
                }
            }
            return new long[] { won, counted };
        });
        claimsSeen = Math.max(claimsSeen, wonAndCounted[1]); // committed: the database has seen it too
        return (int) wonAndCounted[0];
    }

    /**
     * The database counts fewer claims than this instance saw: it came back older than it acknowledged (commits
     * lost in a crash, a failover to a standby that lagged, a restored backup). Its rows may miss claims of requests
     * sent in the last period, so, as for vanished rows, every slot is held for a period from now; the count is
     * put back where this instance saw it, so other instances need not do the same.
     */
    private void holdAfterLostRows(Connection connection, long claimsCounted) throws SQLException {
        LOG.warn("The shared rate budget of {} finds {} claims counted in its database where this instance saw {}: the"
                + " database came back with older rows than it acknowledged; every slot is held for one"
                + " rateLimitPeriod", account, claimsCounted, claimsSeen);
        durably(connection, () -> {
            try (PreparedStatement hold = prepare(connection, sql.holdAll())) {
                hold.setString(1, account);
                hold.setLong(2, periodMillis);
                hold.setString(3, account);
                hold.executeUpdate();
            }
            try (PreparedStatement restore = prepare(connection, BudgetSql.RESTORE_CLAIMS)) {
                restore.setLong(1, claimsSeen);
                restore.setString(2, account);
                restore.executeUpdate();
            }
            return null;
        });
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs the work in one transaction whose commit waits for the write-ahead log (see
     * {@link BudgetSql#DURABLE_COMMIT}); rolled back if anything fails.
     */
    private <T> T durably(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement durable = prepare(connection, BudgetSql.DURABLE_COMMIT)) {
                durable.execute();
            }
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: its transaction is gone with it
        }
    }

    /**
     * Takes a step of the database's clock out of the account's offset and moves the slots written in the stepped
     * clock, in one transaction, unless another instance changed the clock's row since our reading.
     */
    private void correctClock(Connection connection, BudgetClock.Step step, long now, long offset, Long checkedAt)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            int won;
            try (PreparedStatement correct = prepare(connection, BudgetSql.CORRECT_CLOCK)) {
                correct.setLong(1, step.correction());
                correct.setLong(2, now + step.correction());
                correct.setString(3, account);
                correct.setLong(4, offset);
                correct.setLong(5, checkedAt == null ? -1 : checkedAt);
                won = correct.executeUpdate();
            }
            int moved = 0;
            if (won == 1 && step.shiftAbove() < step.shiftUpTo()) {
                try (PreparedStatement shift = prepare(connection, BudgetSql.SHIFT_SLOTS)) {
                    shift.setLong(1, step.correction());
                    shift.setString(2, account);
                    shift.setLong(3, step.shiftAbove());
                    shift.setLong(4, step.shiftUpTo());
                    moved = shift.executeUpdate();
                }
            }
            connection.commit();
            if (won == 1) {
                LOG.warn("The clock of the shared rate budget's database stepped {} by about {} ms for {}; the step is"
                        + " taken out of the account's slot times ({} slots written since moved back in line)",
                        step.correction() < 0 ? "forward" : "back", Math.abs(step.correction()), account, moved);
            } else {
                clock.forget(); // another instance wrote the clock's row first: read it again
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            clock.forget();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void markChecked(Connection connection, long now, long offset) throws SQLException {
        try (PreparedStatement checked = prepare(connection, BudgetSql.CHECKED)) {
            checked.setLong(1, now);
            checked.setString(2, account);
            checked.setLong(3, offset);
            checked.setLong(4, now);
            checked.executeUpdate();
        }
    }

    /** Finds the spelling of the database, creates the table if missing and the account's slots; once. */
    private void setUpTable(Connection connection) throws SQLException {
        if (sql != null) {
            return;
        }
        BudgetSql spelling = BudgetSql.of(connection);
        createIfMissing(connection, BudgetSql.CLOCK_TABLE, BudgetSql.CREATE_CLOCK_TABLE);
        try (Statement statement = connection.createStatement()) {
            statements.incrementAndGet();
            statement.execute(BudgetSql.ADD_CLAIMS_COLUMN);
        }
        createIfMissing(connection, BudgetSql.TABLE, BudgetSql.CREATE_TABLE);
        boolean hasClock;
        try (PreparedStatement select = prepare(connection, BudgetSql.CLOCK_OF_ACCOUNT)) {
            select.setString(1, account);
            try (ResultSet rs = select.executeQuery()) {
                hasClock = rs.next();
            }
        }
        if (!hasClock) {
            insertIgnoringDuplicate(connection, BudgetSql.INSERT_CLOCK, insert -> insert.setString(1, account));
        }
        Set<Integer> existing = new HashSet<>();
        try (PreparedStatement select = prepare(connection, BudgetSql.SLOTS_OF_ACCOUNT)) {
            select.setString(1, account);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getInt(1));
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int slot = 0; slot < limit; slot++) {
            if (!existing.contains(slot)) {
                missing.add(slot);
            }
        }
        if (!missing.isEmpty()) {
            insertSlots(connection, spelling, missing);
        }
        try (PreparedStatement above = prepare(connection, spelling.countAbove())) {
            above.setString(1, account);
            above.setInt(2, limit);
            try (ResultSet rs = above.executeQuery()) {
                if (rs.next() && rs.getInt(1) > 0) {
                    LOG.warn("The shared rate budget of {} has {} slots beyond this instance's rateLimit of {}: another "
                            + "instance uses a larger rateLimit, and the account's budget is the largest one in use",
                            account, rs.getInt(1), limit);
                }
            }
        }
        sql = spelling;
        setUpBefore = true;
    }

    /**
     * Inserts the missing slots in one batch (one round trip for an account's 300 rows); if another instance
     * inserted some of them at the same moment, the batch fails on their keys and the rows go in one by one.
     * The first setup makes free slots; one after rows vanished makes them held for a period, since what was sent
     * in the last period was counted in the rows that are gone.
     */
    private void insertSlots(Connection connection, BudgetSql spelling, List<Integer> missing) throws SQLException {
        String insert = setUpBefore ? spelling.insertHeldSlot() : BudgetSql.INSERT_SLOT;
        Parameters[] rows = missing.stream().map(slot -> (Parameters) statement -> {
            statement.setString(1, account);
            statement.setInt(2, slot);
            if (setUpBefore) {
                statement.setString(3, account);
                statement.setLong(4, periodMillis);
            }
        }).toArray(Parameters[]::new);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement batch = prepare(connection, insert)) {
            for (Parameters row : rows) {
                row.set(batch);
                batch.addBatch();
            }
            batch.executeBatch();
            connection.commit();
            return;
        } catch (SQLException e) {
            connection.rollback();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        for (Parameters row : rows) {
            insertIgnoringDuplicate(connection, insert, row);
        }
    }

    /** What a failure of the database work means, for the log: an exhausted pool is not an unreachable database. */
    static String whatFailed(Throwable e) {
        if (e instanceof java.sql.SQLTransientConnectionException) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    return "cannot reach its database";
                }
            }
            return "got no connection from its DataSource in time: the pool's connections are all in use (give the pool"
                    + " more, or let fewer budgets and other work share it)";
        }
        return "cannot reach its database";
    }

    private void createIfMissing(Connection connection, String table, String create) throws SQLException {
        if (tableExists(connection, table)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statements.incrementAndGet();
            statement.execute(create);
            LOG.info("Created the shared rate budget's table {}", table);
        } catch (SQLException e) {
            if (!tableExists(connection, table)) { // not created by another instance at the same moment either
                throw e;
            }
        }
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private void insertIgnoringDuplicate(Connection connection, String insert, Parameters parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, insert)) {
            parameters.set(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            } // another instance inserted it first
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        for (String name : List.of(table, table.toUpperCase())) {
            try (ResultSet rs = connection.getMetaData().getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private PreparedStatement prepare(Connection connection, String statement) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement);
        prepared.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        statements.incrementAndGet();
        return prepared;
    }

    private void schedulePump(long delayMillis) {
        long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        if (nextPump != null && !nextPump.isDone() && nextPumpAt - at <= 0) {
            return;
        }
        if (nextPump != null) {
            nextPump.cancel(false);
        }
        nextPumpAt = at;
        try {
            nextPump = timer.schedule(this::wakeUp, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            nextPump = null;
        }
    }

    private void retryFailedReleases() {
        SlotPermit permit;
        int count = failedReleases.size();
        for (int i = 0; i < count && (permit = failedReleases.poll()) != null; i++) {
            permit.writeRelease();
        }
    }

    private final class SlotPermit implements ExpiringPermit {
        private final int slot;
        private final long claimId;
        private final long grantedAtNanos;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile long freeAfterMillis;

        SlotPermit(int slot, long claimId, long grantedAtNanos) {
            this.slot = slot;
            this.claimId = claimId;
            this.grantedAtNanos = grantedAtNanos;
        }

        /**
         * Within its send window: a request sent later could reach Aerona after the slot's row frees by itself (an
         * instance paused between the claim and the send, a stop-the-world pause), so it is not sent on this slot.
         */
        @Override
        public boolean usable() {
            return System.nanoTime() - grantedAtNanos < TimeUnit.MILLISECONDS.toNanos(sendWindowMillis);
        }

        /** Not used: the slot goes back as it is (held until its row frees by itself, or taken by another since). */
        @Override
        public void unused() {
            if (released.compareAndSet(false, true)) {
                LOG.debug("Shared budget of {}: slot {} was granted too long ago to be used; it frees by itself", account,
                        slot);
            }
        }

        @Override
        public void release() {
            giveBack(periodMillis);
        }

        void giveBack(long afterMillis) {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            freeAfterMillis = afterMillis;
            try {
                worker.execute(this::writeRelease);
            } catch (RejectedExecutionException closed) {
                LOG.debug("Shared budget of {} closed; slot {} frees by itself", account, slot);
            }
        }

        /** On the worker; a release that fails is tried again later (a later release is only more cautious). */
        void writeRelease() {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement update = prepare(connection, sql.release())) {
                update.setLong(1, freeAfterMillis);
                update.setString(2, account);
                update.setInt(3, slot);
                update.setLong(4, claimId);
                update.executeUpdate();
            } catch (SQLException | RuntimeException e) {
                failedReleases.add(this);
                schedulePump(RETRY_MILLIS);
            }
        }
    }
}
