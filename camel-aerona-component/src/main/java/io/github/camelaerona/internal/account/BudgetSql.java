package io.github.camelaerona.internal.account;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The SQL of the shared budget's tables. {@value #TABLE}: one row per slot of an account, holding when the slot is
 * free again and whether a background call holds it, in milliseconds of the <b>database's</b> clock (the instances'
 * clocks disagree; the database's is one) plus the account's offset. {@value #CLOCK_TABLE}: one row per account, the
 * offset (what steps of the database's clock were taken out, see {@link BudgetClock}) and when an instance last
 * found the clock steady.
 * PostgreSQL only (the one database the build runs the budget on); another database is refused by name at the first
 * call rather than trusted with SQL nobody ran on it.
 */
final class BudgetSql {

    static final String TABLE = "aerona_budget_slot";

    static final String CREATE_TABLE = "CREATE TABLE " + TABLE + " ("
            + "account VARCHAR(255) NOT NULL, "
            + "slot INT NOT NULL, "
            + "free_at BIGINT NOT NULL, "
            + "claim_id BIGINT, "
            + "holder VARCHAR(255), "
            + "background SMALLINT NOT NULL, "
            + "PRIMARY KEY (account, slot))";

    static final String CLOCK_TABLE = "aerona_budget_clock";

    static final String CREATE_CLOCK_TABLE = "CREATE TABLE " + CLOCK_TABLE + " ("
            + "account VARCHAR(255) NOT NULL, "
            + "offset_ms BIGINT NOT NULL, "
            + "checked_at BIGINT, "
            + "claims BIGINT NOT NULL DEFAULT 0, "
            + "PRIMARY KEY (account))";

    /** A clock table of an earlier version has no claims counter yet. */
    static final String ADD_CLAIMS_COLUMN = "ALTER TABLE " + CLOCK_TABLE
            + " ADD COLUMN IF NOT EXISTS claims BIGINT NOT NULL DEFAULT 0";

    /**
     * Makes this transaction's commit wait for the write-ahead log, whatever the server's {@code synchronous_commit}:
     * a claim the database acknowledged but had not written would be lost in a crash, and the slot taken again by
     * another instance while the first request is already on the wire.
     */
    static final String DURABLE_COMMIT = "SELECT set_config('synchronous_commit', 'on', true)";

    /**
     * Counts a claim in the account's row and answers the new count. The count only grows while the database keeps
     * what it acknowledged; an instance that reads a smaller count than it saw knows the database came back older
     * (lost commits, a failover to a standby that lagged, a restored backup).
     */
    static final String COUNT_CLAIM = "UPDATE " + CLOCK_TABLE + " SET claims = claims + 1 WHERE account = ? RETURNING claims";

    /** After the database came back older: the count back where this instance saw it. */
    static final String RESTORE_CLAIMS = "UPDATE " + CLOCK_TABLE + " SET claims = GREATEST(claims, ?) WHERE account = ?";

    static final String CLOCK_OF_ACCOUNT = "SELECT offset_ms FROM " + CLOCK_TABLE + " WHERE account = ?";

    static final String INSERT_CLOCK = "INSERT INTO " + CLOCK_TABLE + " (account, offset_ms) VALUES (?, 0)";

    /** The account's offset, inside a statement on its slots. */
    private static final String OFFSET_OF_ROW = "COALESCE((SELECT c.offset_ms FROM " + CLOCK_TABLE
            + " c WHERE c.account = " + TABLE + ".account), 0)";

    /**
     * Takes a step out of the offset, if nobody else did since the reading that saw it: the offset and checked_at
     * it read must both be unchanged.
     */
    static final String CORRECT_CLOCK = "UPDATE " + CLOCK_TABLE + " SET offset_ms = offset_ms + ?, checked_at = ?"
            + " WHERE account = ? AND offset_ms = ? AND COALESCE(checked_at, -1) = ?";

    /** Moves the slots written in a stepped clock before the step was taken out. */
    static final String SHIFT_SLOTS = "UPDATE " + TABLE + " SET free_at = free_at + ?"
            + " WHERE account = ? AND free_at > ? AND free_at <= ?";

    /** The clock was found steady at this time (only ever later, and only in the offset that was read). */
    static final String CHECKED = "UPDATE " + CLOCK_TABLE + " SET checked_at = ?"
            + " WHERE account = ? AND offset_ms = ? AND COALESCE(checked_at, -1) < ?";

    static final String SLOTS_OF_ACCOUNT = "SELECT slot FROM " + TABLE + " WHERE account = ?";

    static final String INSERT_SLOT = "INSERT INTO " + TABLE + " (account, slot, free_at, background) VALUES (?, ?, 0, 0)";

    /** The database's now in milliseconds (of its clock_timestamp(), which moves within a transaction). */
    private static final String MILLIS = "EXTRACT(EPOCH FROM clock_timestamp()) * 1000";
    /** Rounded down: a slot is free once this reaches its time. */
    private static final String NOW_FLOOR = "CAST(FLOOR(" + MILLIS + ") AS BIGINT)";
    /** Rounded up: the time a slot frees counts from no earlier than the true now. */
    private static final String NOW_CEIL = "CAST(CEIL(" + MILLIS + ") AS BIGINT)";
    private static final BudgetSql POSTGRESQL = new BudgetSql();

    private final String nowFloor = NOW_FLOOR;
    private final String nowCeil = NOW_CEIL;

    private BudgetSql() {
    }

    /**
     * The SQL for the database behind the connection: PostgreSQL's, or a refusal naming the database. Rounding down
     * when asking "is it free" and up when setting "free at" keeps sub-millisecond rounding from freeing a slot early.
     */
    static BudgetSql of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        if (!meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            throw new SQLException("The shared Aerona budget (budgetDataSource) runs on PostgreSQL only, not on "
                    + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
        }
        return POSTGRESQL;
    }

    /**
     * Every slot of the account below the limit, with the database's now plus the offset, the offset and checked_at
     * (both null when the clock's row is missing). Parameters: the account five times, then the limit. The clock's
     * row is read by uncorrelated subqueries, which the database evaluates once; a join would look it up once per
     * slot (on PostgreSQL that doubled the statement's time at 1,000 slots).
     */
    String slots() {
        String clockColumn = "(SELECT %s FROM " + CLOCK_TABLE + " WHERE account = ?)";
        return "SELECT slot, free_at, background, " + nowFloor + " + " + clockColumn.formatted("offset_ms") + ", "
                + clockColumn.formatted("offset_ms") + ", " + clockColumn.formatted("checked_at") + ", "
                + clockColumn.formatted("claims") + " FROM " + TABLE + " WHERE account = ? AND slot < ?";
    }

    /**
     * Every slot of the account held for {@code ?} ms from now at least: what was sent in the last period may have
     * been counted in rows the database no longer has. Parameters: the account, the hold, the account.
     */
    String holdAll() {
        return "UPDATE " + TABLE + " SET free_at = GREATEST(free_at, " + nowCeil + " + COALESCE((SELECT c.offset_ms FROM "
                + CLOCK_TABLE + " c WHERE c.account = ?), 0) + ?), claim_id = NULL, holder = NULL WHERE account = ?";
    }

    /**
     * Takes a slot if it is still free: the row lock makes it a compare-and-set between instances. Held until the
     * call's longest possible end plus the period, so a slot of an instance that dies mid-call comes back by itself.
     */
    String claim() {
        return "UPDATE " + TABLE + " SET free_at = " + nowCeil + " + " + OFFSET_OF_ROW + " + ?, claim_id = ?, holder = ?,"
                + " background = ? WHERE account = ? AND slot = ? AND free_at <= " + nowFloor + " + " + OFFSET_OF_ROW;
    }

    /** The response arrived: the slot frees one period from now. */
    String release() {
        return "UPDATE " + TABLE + " SET free_at = " + nowCeil + " + " + OFFSET_OF_ROW + " + ?, claim_id = NULL, holder = NULL"
                + " WHERE account = ? AND slot = ? AND claim_id = ?";
    }

    /**
     * A slot recreated after its row vanished: held for a period from now, since requests sent in the last period
     * were counted in the rows that are gone.
     */
    String insertHeldSlot() {
        return "INSERT INTO " + TABLE + " (account, slot, free_at, background) VALUES (?, ?, " + nowCeil
                + " + COALESCE((SELECT c.offset_ms FROM " + CLOCK_TABLE + " c WHERE c.account = ?), 0) + ?, 1)";
    }

    /** Slots beyond this instance's limit, left by an instance configured with a larger one. */
    String countAbove() {
        return "SELECT COUNT(*) FROM " + TABLE + " WHERE account = ? AND slot >= ?";
    }
}
