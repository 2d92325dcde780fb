package io.github.camelaerona.sandbox.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SandboxPostgresTest {

    @Test
    void startsARealServerThatKeepsItsDataAcrossARestart() throws Exception {
        try (SandboxPostgres postgres = SandboxPostgres.start()) {
            try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id INT)");
                s.execute("INSERT INTO kept VALUES (42)");
            }

            postgres.stop();
            assertThrows(SQLException.class, () -> postgres.dataSource().getConnection().close());

            postgres.restart();
            try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, current_setting('server_version_num') FROM kept")) {
                rs.next();
                assertEquals(42, rs.getInt(1));
                assertEquals("14", rs.getString(2).substring(0, 2));
            }
        }
    }
}
