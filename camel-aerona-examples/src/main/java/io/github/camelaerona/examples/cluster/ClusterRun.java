package io.github.camelaerona.examples.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;

/**
 * Several instances of the finance-sync integration, each a JVM process, against one sandbox and one PostgreSQL:
 * the set-up of the cluster demo, test and benchmark. The sandbox's limit is scaled (say 30 requests per 3 s) and
 * enforced as Aerona does: a request over it invalidates the user's tokens.
 */
public final class ClusterRun implements AutoCloseable {

    /** Where the sandbox's and the instances' clocks start: the same day on any machine. */
    public static final Instant START = Instant.parse("2026-06-17T10:00:00Z");

    /**
     * @param instances     how many JVMs
     * @param limit         the scaled rate limit, requests per period
     * @param period        the scaled rate period
     * @param demandCallers routes per instance calling Aerona back to back (0: none)
     * @param deliveryDelay how long the finance system takes per payment
     * @param callTimeout   the instances' callTimeout: how long a dead instance's slot stays taken beyond the period
     */
    public record Settings(int instances, int limit, Duration period, int demandCallers, Duration deliveryDelay,
            Duration callTimeout) {
    }

    private final Settings settings;
    private final Path workDir;
    private final SandboxPostgres postgres;
    private final AeronaSandbox sandbox;
    private final List<InstanceProcess> instances = new ArrayList<>();
    private final String instancesJdbcUrl;
    private final String instancesBaseUrl;
    private final Map<String, String> extraProperties;

    /**
     * How the instances reach the world, for runs that put faults in the way.
     *
     * @param steppableClock  the instances' database sessions see a clock {@link #stepDatabaseClock} moves
     * @param jdbcRoute       given PostgreSQL's port, the port the instances connect to instead (a proxy)
     * @param apiRoute        given the sandbox's port, the port the instances send to instead (a proxy)
     * @param extraProperties more system properties for every instance
     * @param durableCommits  the instances' sessions commit with synchronous_commit on (the sandbox's server runs
     *                        with it off, for speed): their ledger and memory survive a crash of the database
     */
    public record Options(boolean steppableClock, java.util.function.IntUnaryOperator jdbcRoute,
            java.util.function.IntUnaryOperator apiRoute,
            java.util.function.Function<AeronaSandbox, Map<String, String>> extraProperties, boolean durableCommits) {

        static Options plain(boolean steppableClock) {
            return new Options(steppableClock, port -> port, port -> port, sandbox -> Map.of(), false);
        }
    }

    private ClusterRun(Settings settings, Path workDir, SandboxPostgres postgres, AeronaSandbox sandbox,
            String instancesJdbcUrl, String instancesBaseUrl, Map<String, String> extraProperties) {
        this.instancesJdbcUrl = instancesJdbcUrl;
        this.instancesBaseUrl = instancesBaseUrl;
        this.extraProperties = extraProperties;
        this.settings = settings;
        this.workDir = workDir;
        this.postgres = postgres;
        this.sandbox = sandbox;
    }

    /** Starts PostgreSQL, the sandbox and the instances, and waits until every instance has started. */
    public static ClusterRun start(Settings settings, Path workDir) {
        return start(settings, workDir, false);
    }

    /**
     * As {@link #start(Settings, Path)}; with {@code steppableClock} the instances' database sessions see a clock
     * that {@link #stepDatabaseClock(Duration)} moves, as a database whose clock is corrected by an hour would.
     */
    public static ClusterRun start(Settings settings, Path workDir, boolean steppableClock) {
        return start(settings, workDir, Options.plain(steppableClock));
    }

    /** As {@link #start(Settings, Path)}, the instances reaching PostgreSQL and the sandbox as the options say. */
    public static ClusterRun start(Settings settings, Path workDir, Options options) {
        SandboxPostgres postgres = SandboxPostgres.start();
        AeronaSandbox sandbox = AeronaSandbox.builder().startTime(START).rateLimit(settings.limit(), settings.period())
                .start();
        String jdbcUrl = options.steppableClock() ? postgres.steppedClockJdbcUrl() : postgres.jdbcUrl();
        if (options.durableCommits()) {
            jdbcUrl += jdbcUrl.contains("options=") ? "%20-c%20synchronous_commit%3Don" : "&options=-c%20synchronous_commit%3Don";
        }
        int jdbcPort = options.jdbcRoute().applyAsInt(postgres.port());
        int apiPort = options.apiRoute().applyAsInt(sandbox.port());
        ClusterRun run = new ClusterRun(settings, workDir, postgres, sandbox,
                jdbcUrl.replace(":" + postgres.port() + "/", ":" + jdbcPort + "/"),
                sandbox.baseUrl().replace(":" + sandbox.port() + "/", ":" + apiPort + "/"),
                options.extraProperties().apply(sandbox));
        try {
            Files.createDirectories(workDir.resolve("locks"));
            run.createFinanceTables();
            for (int i = 0; i < settings.instances(); i++) {
                run.instances.add(run.startInstance(String.valueOf((char) ('a' + i))));
            }
            for (InstanceProcess instance : run.instances) {
                instance.awaitStarted(Duration.ofMinutes(2));
            }
            for (InstanceProcess instance : run.instances) {
                check(instance.isAlive(), "Instance " + instance.name() + " stopped after it started:\n"
                        + instance.logText());
            }
            return run;
        } catch (IOException | SQLException | RuntimeException e) {
            run.close();
            throw new IllegalStateException("The cluster did not start", e);
        }
    }

    private InstanceProcess startInstance(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("cluster.instance", name);
        properties.put("cluster.aerona-base-url", instancesBaseUrl);
        properties.put("cluster.aerona-username", sandbox.username());
        properties.put("cluster.rate-limit", Integer.toString(settings.limit()));
        properties.put("cluster.rate-limit-period", settings.period().toMillis() + "ms");
        properties.put("camel.component.aerona.call-timeout", settings.callTimeout().toMillis() + "ms");
        properties.put("cluster.jdbc-url", instancesJdbcUrl);
        properties.put("cluster.lock-dir", workDir.resolve("locks").toString());
        properties.put("cluster.http-port", Integer.toString(port));
        properties.put("cluster.initial-from-date", LocalDate.ofInstant(START, ZoneOffset.UTC).minusMonths(7).toString());
        properties.put("cluster.delivery-delay-ms", Long.toString(settings.deliveryDelay().toMillis()));
        properties.put("cluster.clock", sandbox.clock().instant().toString());
        properties.put("cluster.demand-callers", Integer.toString(settings.demandCallers()));
        properties.putAll(extraProperties);
        return InstanceProcess.start(name, port, properties, Map.of("AERONA_PASSWORD", sandbox.password()), workDir);
    }

    /**
     * The schema, as a deployment's migrations would create it before the replicas start: the finance system's
     * tables, where the instances deliver payments and note the webhooks they processed, and camel-sql's table of
     * the shared memory (three replicas that each create it at startup race, and all but one fail to start).
     */
    private void createFinanceTables() throws SQLException {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255), messageId VARCHAR(100),"
                    + " createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
            s.execute("CREATE TABLE finance_payment (seq BIGSERIAL PRIMARY KEY, payment_id BIGINT NOT NULL,"
                    + " amount NUMERIC(12,2), instance VARCHAR(20) NOT NULL,"
                    + " delivered_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
            s.execute("CREATE TABLE processed_webhook (seq BIGSERIAL PRIMARY KEY, event BIGINT NOT NULL,"
                    + " instance VARCHAR(20) NOT NULL)");
        }
    }

    /**
     * Starts the named instance again (after a kill), on a new HTTP port, and waits until its routes run.
     *
     * @return the new process
     */
    public InstanceProcess restart(String name) {
        InstanceProcess old = instance(name);
        check(!old.isAlive(), "Instance " + name + " is still running");
        try {
            InstanceProcess fresh = startInstance(name);
            instances.set(instances.indexOf(old), fresh);
            fresh.awaitStarted(Duration.ofMinutes(2));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the clock the instances' database sessions see (started with a steppable clock only). */
    public void stepDatabaseClock(Duration step) {
        check(instancesJdbcUrl.contains("stepped_clock"), "The cluster was started without a steppable clock");
        postgres.setClockStep(step);
    }

    public AeronaSandbox sandbox() {
        return sandbox;
    }

    public SandboxPostgres postgres() {
        return postgres;
    }

    public Settings settings() {
        return settings;
    }

    public List<InstanceProcess> instances() {
        return List.copyOf(instances);
    }

    public InstanceProcess instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    /** Rows in the finance ledger (duplicates included). */
    public int deliveredRows() {
        return queryInt("SELECT COUNT(*) FROM finance_payment");
    }

    /** Distinct payments in the finance ledger. */
    public Set<Long> deliveredPayments() {
        Set<Long> ids = new HashSet<>();
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT payment_id FROM finance_payment")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** The instance that delivered the latest payment: the poller's leader; null before any delivery. */
    public String lastDeliverer() {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT instance FROM finance_payment ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which instances processed the webhook event with this id, one entry per processing. */
    public List<String> processedWebhook(long event) {
        List<String> by = new ArrayList<>();
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT instance FROM processed_webhook WHERE event = " + event)) {
            while (rs.next()) {
                by.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return by;
    }

    int queryInt(String sql) {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the instances gracefully (those still alive), then the sandbox and PostgreSQL. */
    @Override
    public void close() {
        instances.stream().filter(InstanceProcess::isAlive).forEach(InstanceProcess::stop);
        sandbox.close();
        postgres.close();
    }

    /** The work directory's instance logs, for a failure report. */
    public String logs() {
        StringBuilder text = new StringBuilder();
        for (InstanceProcess instance : instances) {
            text.append("==== ").append(instance).append('\n').append(tail(instance.logText(), 8000)).append('\n');
        }
        return text.toString();
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("aerona-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
