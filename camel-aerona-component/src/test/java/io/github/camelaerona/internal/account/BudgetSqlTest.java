package io.github.camelaerona.internal.account;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared budget runs on PostgreSQL only: another database is refused by name before any statement is sent.
 * (SharedBudgetTest and the cluster tests run the SQL itself on a real PostgreSQL.)
 */
class BudgetSqlTest {

    /** A connection that only says which database it is; any other call fails the test. */
    private static Connection connectionTo(String product, String version) {
        DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(BudgetSqlTest.class.getClassLoader(),
                new Class<?>[] { DatabaseMetaData.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> product;
                    case "getDatabaseProductVersion" -> version;
                    default -> throw new AssertionError("asked the database's " + method.getName());
                });
        return (Connection) Proxy.newProxyInstance(BudgetSqlTest.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getMetaData")) {
                        return meta;
                    }
                    throw new AssertionError("sent " + method.getName() + " to a database it does not support");
                });
    }

    @Test
    void otherDatabasesAreRefusedByNameBeforeAnyStatement() {
        for (String[] database : new String[][] { { "MySQL", "8.4.3" }, { "MariaDB", "11.4.2" },
                { "Microsoft SQL Server", "16.00.1000" }, { "H2", "2.3.232" } }) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> BudgetSql.of(connectionTo(database[0], database[1])));
            assertTrue(refused.getMessage().contains("PostgreSQL only, not on " + database[0] + " " + database[1]),
                    refused.getMessage());
        }
    }

    @Test
    void postgresqlGetsItsSql() throws SQLException {
        BudgetSql sql = BudgetSql.of(connectionTo("PostgreSQL", "14.19"));
        assertTrue(sql.claim().contains("clock_timestamp()"), sql.claim());
    }
}
