package io.github.camelaerona.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An embeddable stand-in for the Aerona Clinic API on loopback: logins, tokens that expire, the rate limit that
 * invalidates a token, every operation over seeded demo data, fault injection, a request log and a clock tests
 * can move.
 *
 * <pre>
 * try (AeronaSandbox sandbox = AeronaSandbox.builder().start()) {
 *     String baseUrl = sandbox.baseUrl(); // http://127.0.0.1:PORT/AeronaAPI/v1
 * }
 * </pre>
 */
public final class AeronaSandbox implements AutoCloseable {

    public static final String DEFAULT_USERNAME = "sandbox-user";
    public static final String DEFAULT_PASSWORD = "sandbox-password";
    public static final long DEFAULT_PRACTICE_ID = 9876L;
    public static final String BASE_PATH = "/AeronaAPI/v1";
    /** The trust store (PKCS12) that holds the sandbox's self-signed certificate, on the classpath. */
    public static final String TRUST_STORE_RESOURCE = "io/github/camelaerona/sandbox/sandbox-truststore.p12";
    public static final String TRUST_STORE_PASSWORD = "aerona-sandbox";
    private static final String KEY_STORE_RESOURCE = "io/github/camelaerona/sandbox/sandbox-keystore.p12";

    static {
        // the JDK server writes headers and body apart; with Nagle on, the body waits for the client's delayed ACK
        // (40 ms a call). It reads this once, when its first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // it closes idle keep-alive connections beyond 200, which a client then finds dead (NoHttpResponseException
        // with a few hundred accounts, each with its own connections); Aerona does not drop them that way
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "20000");
        }
    }

    private final Builder settings;
    private final SandboxClock clock;
    private final SandboxAccounts accounts;
    private final SandboxData data;
    private final SandboxApi api;
    private final SandboxWebhooks webhooks;
    private final HttpServer server;
    private final ExecutorService executor;

    private AeronaSandbox(Builder settings) throws IOException {
        this.settings = settings;
        this.clock = settings.startTime == null
                ? new SandboxClock(settings.zone)
                : new SandboxClock(settings.zone, settings.startTime);
        this.accounts = new SandboxAccounts(clock, settings.tokenLifetime, settings.rateLimit, settings.ratePeriod);
        settings.users.forEach(accounts::addUser);
        this.data = new SandboxData(clock, settings.zone, settings.seed);
        this.api = new SandboxApi(BASE_PATH, clock, accounts, data, settings.shape);
        this.webhooks = new SandboxWebhooks(clock, new com.fasterxml.jackson.databind.ObjectMapper());
        webhooks.trust(settings.webhookTrust);
        data.onChange(webhooks::publish);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port);
        if (settings.https) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(serverSslContext()));
            this.server = https;
        } else {
            this.server = HttpServer.create(address, 0);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aerona-sandbox-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(BASE_PATH, api);
        server.createContext(SandboxAdmin.PATH, new SandboxAdmin(this, accounts));
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a sandbox on a free loopback port with the default user and Aerona's limits. */
    public static AeronaSandbox start() {
        return builder().start();
    }

    /** The API root, such as {@code http://127.0.0.1:41234/AeronaAPI/v1}. */
    /** The sandbox's own HTTP API (users, records, webhook targets, clock, faults, request log); docs/sandbox.md. */
    public String adminUrl() {
        return baseUrl().substring(0, baseUrl().length() - BASE_PATH.length()) + SandboxAdmin.PATH;
    }

    public String baseUrl() {
        return (settings.https ? "https" : "http") + "://127.0.0.1:" + port() + BASE_PATH;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String username() {
        return settings.users.keySet().iterator().next();
    }

    public String password() {
        return settings.users.values().iterator().next();
    }

    public SandboxClock clock() {
        return clock;
    }

    /** The practice data, to read what a test expects or to add payments and invoices. */
    public SandboxData data() {
        return data;
    }

    /** Webhook registrations and the log of deliveries. */
    public SandboxWebhooks webhooks() {
        return webhooks;
    }

    /** Every request seen so far, oldest first. */
    public List<RecordedRequest> requests() {
        return api.requests();
    }

    public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        return api.requests().stream().filter(filter).toList();
    }

    /** The requests other than logins. */
    public List<RecordedRequest> apiRequests() {
        return requests(r -> !r.isLogin());
    }

    public List<RecordedRequest> logins() {
        return requests(RecordedRequest::isLogin);
    }

    public void clearRequests() {
        api.clearRequests();
    }

    public AeronaSandbox injectFault(SandboxFault fault) {
        api.addFault(fault);
        return this;
    }

    public void clearFaults() {
        api.clearFaults();
    }

    /** Counters of the default user. */
    public SandboxStats stats() {
        return accounts.stats(username());
    }

    public SandboxStats stats(String username) {
        return accounts.stats(username);
    }

    public void resetStats() {
        accounts.resetStats();
    }

    /** A fresh start for the next test: no logged requests, deliveries, counters or faults (the data stays). */
    public void reset() {
        clearRequests();
        clearFaults();
        resetStats();
        webhooks.clearDeliveries();
    }

    /** Invalidates every token of the user, as Aerona does when the rate limit is exceeded. */
    public int invalidateTokens(String username) {
        return accounts.invalidateTokensOf(username, false);
    }

    /** An SSL context that trusts the sandbox's certificate, for clients of an HTTPS sandbox. */
    public static SSLContext clientSslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(loadKeyStore(TRUST_STORE_RESOURCE));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot load the sandbox trust store", e);
        }
    }

    @Override
    public void close() {
        webhooks.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private static SSLContext serverSslContext() throws IOException {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(loadKeyStore(KEY_STORE_RESOURCE), TRUST_STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot set up the sandbox's TLS", e);
        }
    }

    private static KeyStore loadKeyStore(String resource) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = AeronaSandbox.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing resource " + resource);
            }
            store.load(in, TRUST_STORE_PASSWORD.toCharArray());
        }
        return store;
    }

    /**
     * Runs a sandbox until the process is stopped:
     * {@code mvn -pl camel-aerona-sandbox exec:java -Dexec.skip.here=false -Dexec.args="[port] [--https] [--webhook Type=url]...
     * [--webhook-trust-store file [--webhook-trust-store-password pw]]"}, where each
     * {@code --webhook Appointment=https://localhost:8443/aerona/appointment} sends that type's events to an
     * application started separately, and the trust store holds the certificate that application's server presents.
     */
    /** What {@code --help} and a wrong argument print. */
    static final String USAGE = "Usage: java io.github.camelaerona.sandbox.AeronaSandbox [port] [--https]"
            + " [--webhook Patient|Appointment|Treatment=url]... [--webhook-trust-store file"
            + " [--webhook-trust-store-password pw]]\n"
            + "  port                 the port to listen on (default 8085)\n"
            + "  --https              serve HTTPS with the sandbox's own certificate\n"
            + "  --webhook TYPE=URL   send TYPE's events (Patient, Appointment or Treatment) to URL\n"
            + "  --webhook-trust-store FILE, --webhook-trust-store-password PW\n"
            + "                       trust the certificate of an https:// webhook target\n"
            + "  --help               print this and exit";

    public static void main(String[] args) throws InterruptedException {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Builder builder = builder().port(8085);
        Map<String, String> webhookTargets = new java.util.LinkedHashMap<>();
        java.nio.file.Path trustStore = null;
        String trustStorePassword = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--https")) {
                builder.https(true);
            } else if (arg.equals("--webhook") && i + 1 < args.length && args[i + 1].contains("=")) {
                String[] target = args[++i].split("=", 2);
                webhookTargets.put(target[0], target[1]);
            } else if (arg.equals("--webhook-trust-store") && i + 1 < args.length) {
                trustStore = java.nio.file.Path.of(args[++i]);
            } else if (arg.equals("--webhook-trust-store-password") && i + 1 < args.length) {
                trustStorePassword = args[++i];
            } else if (arg.matches("[0-9]{1,5}") && Integer.parseInt(arg) <= 65535) {
                builder.port(Integer.parseInt(arg));
            } else {
                System.err.println("Unknown or incomplete argument '" + arg + "'\n" + USAGE);
                System.exit(2);
                return;
            }
        }
        try {
            webhookTargets.values().forEach(SandboxWebhooks::checkedTarget); // before the port is taken
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (trustStore != null) {
            builder.webhookTrustStore(trustStore, trustStorePassword);
        }
        AeronaSandbox sandbox = builder.start();
        webhookTargets.forEach(sandbox.webhooks()::register);
        System.out.println("Aerona sandbox at " + sandbox.baseUrl() + " (user " + sandbox.username() + ", password "
                + sandbox.password() + ")");
        webhookTargets.forEach((type, url) -> System.out.println("  " + type + " webhooks go to " + url));
        System.out.println("  admin API (records, webhook targets, clock, faults, request log): " + sandbox.adminUrl());
        Thread.currentThread().join();
    }

    /** Settings of a sandbox; every one has the real API's value or a demo value by default. */
    public static final class Builder {
        private final Map<String, String> users = new java.util.LinkedHashMap<>();
        private Duration tokenLifetime = Duration.ofHours(1);
        private int rateLimit = 300;
        private Duration ratePeriod = Duration.ofMinutes(15);
        private boolean https;
        private int port;
        private ZoneId zone = ZoneId.of("Europe/London");
        private java.time.Instant startTime;
        private long seed = SandboxData.DEFAULT_SEED;
        private SandboxApiShape shape = SandboxApiShape.INFERRED;
        private KeyStore webhookTrust;

        private Builder() {
        }

        /**
         * Pins the sandbox clock: it starts at this instant (and runs on from there) instead of the machine's
         * time, so seeded data, "today" and every date the sandbox answers are the same on any machine and day.
         */
        public Builder startTime(java.time.Instant startTime) {
            this.startTime = startTime;
            return this;
        }

        /** The seed of the demo data; the same seed and start time give the same records. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Adds a user; without any, the sandbox has {@link #DEFAULT_USERNAME}. The first user is the default. */
        public Builder user(String username, String password) {
            users.put(username, password);
            return this;
        }

        public Builder tokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
            return this;
        }

        /** Requests per period per user, logins included, before the user's tokens are invalidated. 0: none. */
        public Builder rateLimit(int limit, Duration period) {
            this.rateLimit = limit;
            this.ratePeriod = period;
            return this;
        }

        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        /**
         * Answers the parts of the API the component infers in another shape (another login path, token header or
         * path of an inferred operation), to test the component's overrides against.
         */
        public Builder apiShape(SandboxApiShape shape) {
            this.shape = shape;
            return this;
        }

        /**
         * Trusts these certificates (instead of the JDK's authorities) when delivering webhooks over TLS, as a
         * real deployment's server must present one Aerona trusts; {@link SandboxCertificate#trustStore()} makes
         * one for a test's server. Host names are verified either way.
         */
        public Builder webhookTrustStore(KeyStore trustStore) {
            this.webhookTrust = trustStore;
            return this;
        }

        /** {@link #webhookTrustStore(KeyStore)} from a PKCS12 or JKS file. */
        public Builder webhookTrustStore(java.nio.file.Path file, String password) {
            return webhookTrustStore(SandboxWebhooks.trustStoreFile(file, password));
        }

        /** The port on loopback; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The practices' time zone, for slot times and "today". */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public AeronaSandbox start() {
            if (users.isEmpty()) {
                users.put(DEFAULT_USERNAME, DEFAULT_PASSWORD);
            }
            try {
                return new AeronaSandbox(this);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the Aerona sandbox", e);
            }
        }
    }
}
