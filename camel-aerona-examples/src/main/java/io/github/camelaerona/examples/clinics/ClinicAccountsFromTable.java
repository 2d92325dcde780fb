package io.github.camelaerona.examples.clinics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.github.camelaerona.api.AeronaAccountResolver;

/**
 * The Aerona accounts of the clinics an integration serves, from a table of the application's database, kept in
 * memory and read again on {@link #refresh()} (a route on a timer calls it): the resolver is called for every
 * message that names an account, so it answers from the map, never from the database.
 * <pre>
 * CREATE TABLE clinic_account (name VARCHAR(100) PRIMARY KEY, base_url VARCHAR(255),
 *                              username VARCHAR(100) NOT NULL, password VARCHAR(255) NOT NULL)
 * </pre>
 */
// tag::resolver[]
public final class ClinicAccountsFromTable implements AeronaAccountResolver {

    private final DataSource database;
    private volatile Map<String, Account> accounts = Map.of();

    public ClinicAccountsFromTable(DataSource database) throws SQLException {
        this.database = database;
        refresh();
    }

    /** Reads the table again: a clinic added or removed, a password changed. */
    public void refresh() throws SQLException {
        Map<String, Account> read = new HashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, base_url, username, password FROM clinic_account")) {
            while (rs.next()) {
                // base_url null: the component's baseUrl
                read.put(rs.getString("name"),
                        new Account(rs.getString("base_url"), rs.getString("username"), rs.getString("password")));
            }
        }
        accounts = Map.copyOf(read);
    }

    /** The account of a clinic, or null when the table names no such clinic: its message then fails, unsent. */
    @Override
    public Account resolve(String name) {
        return accounts.get(name);
    }

    /** Every clinic's name, for a route that goes through them all. */
    public Set<String> clinics() {
        return accounts.keySet();
    }
}
// end::resolver[]
