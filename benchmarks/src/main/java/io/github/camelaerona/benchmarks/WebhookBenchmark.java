package io.github.camelaerona.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Webhook ingest: requests per second through aerona:webhook against a bare platform-http route that answers 200,
 * on the same Vert.x server, loaded by wrk (1 thread, 8 connections, HTTP/1.1 keep-alive, a new event in every
 * request from a Lua script), alternating rounds so drift hits both alike; the figure is the median of the rounds' ratios. wrk, not a JVM client, so the server is
 * what saturates: the bare route is also measured with twice the client (2 threads, 16 connections), and its rate
 * must not rise with it. wrk comes from Debian's package; {@code benchmarks/webhook.sh} installs it.
 */
final class WebhookBenchmark {

    static final String WARMUP = "15s";
    static final String ROUND = "10s";
    static final int ROUNDS = Integer.getInteger("aerona.webhook.rounds", 7);
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors:.*");

    private final List<String> problems = new ArrayList<>();

    Figure run() throws Exception {
        if (!onPath("wrk")) {
            throw new IllegalStateException("The webhook benchmark needs wrk: run benchmarks/webhook.sh, which installs"
                    + " Debian's wrk package, or apt-get install wrk");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:webhook?objectType=Appointment").routeId("aerona").setBody(constant(""));
                // answers as aerona:webhook does: 200 with an empty body
                from("platform-http:/bare?httpMethodRestrict=POST").routeId("bare")
                        .setHeader(org.apache.camel.Exchange.HTTP_RESPONSE_CODE, constant(200)).setBody(constant(""));
            }
        });
        context.start();
        Path script = Files.createTempFile("aerona-events-", ".lua");
        Files.writeString(script, EVENTS_SCRIPT, StandardCharsets.UTF_8);
        String aerona = "http://127.0.0.1:" + port + "/aerona/appointment";
        String bare = "http://127.0.0.1:" + port + "/bare";
        try {
            wrk(script, bare, 1, 8, WARMUP);
            wrk(script, aerona, 1, 8, WARMUP);
            // rounds alternate the order (bare first, then aerona first) so drift in the machine hits both alike;
            // the figure is the median of the rounds' ratios
            List<Double> ratios = new ArrayList<>();
            List<Double> doublings = new ArrayList<>();
            double bareRate = 0;
            double aeronaRate = 0;
            double bareDoubled = 0;
            for (int round = 0; round < ROUNDS; round++) {
                double b;
                double a;
                if (round % 2 == 0) {
                    b = wrk(script, bare, 1, 8, ROUND);
                    a = wrk(script, aerona, 1, 8, ROUND);
                } else {
                    a = wrk(script, aerona, 1, 8, ROUND);
                    b = wrk(script, bare, 1, 8, ROUND);
                }
                ratios.add(a / b);
                bareRate += b;
                aeronaRate += a;
                double d = wrk(script, bare, 2, 16, ROUND);
                doublings.add(d / b);
                bareDoubled += d;
            }
            bareRate /= ROUNDS;
            aeronaRate /= ROUNDS;
            bareDoubled /= ROUNDS;
            ratios.sort(null);
            doublings.sort(null);
            double doubling = doublings.get(doublings.size() / 2);
            double ratio = ratios.get(ratios.size() / 2);
            // rounds differ by up to 10% on two shared cores: a rise within that is no rise
            boolean saturated = doubling <= 1.10;
            return new Figure("Webhook ingest (wrk 1 thread, 8 connections, loopback)",
                    String.format("%.2fx median of %d rounds (aerona:webhook %.0f req/s, bare platform-http %.0f req/s on"
                            + " average)", ratio, ROUNDS, aeronaRate, bareRate),
                    ">= 0.95x, server saturated", ratio >= 0.95 && saturated && problems.isEmpty(),
                    String.format("each request a new event; round ratios %s; %d rounds of %s per target after a %s"
                            + " warm-up; the bare route with 2 threads and 16 connections: %.0f req/s on average, %.2fx"
                            + " of 1 thread in the median round (%s)%s",
                            ratios.stream().map(r -> String.format("%.2f", r)).toList(), ROUNDS, ROUND, WARMUP,
                            bareDoubled, doubling,
                            saturated ? "the server, not wrk, is the limit" : "NOT saturated",
                            problems.isEmpty() ? "; every answer a 200" : "; " + problems));
        } finally {
            Files.deleteIfExists(script);
            context.stop();
        }
    }

    /** Runs wrk against the URL; returns its requests per second and notes answers other than 2xx. */
    private double wrk(Path script, String url, int threads, int connections, String duration)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration,
                "-s", script.toString(), url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher rate = RATE.matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("No rate in wrk's output: " + output);
        }
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            problems.add(non2xx.group(1) + " answers other than 2xx from " + url);
        }
        Matcher socketErrors = SOCKET_ERRORS.matcher(output);
        if (socketErrors.find()) {
            problems.add(socketErrors.group() + " for " + url);
        }
        return Double.parseDouble(rate.group(1));
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A new appointment event in every request: each wrk thread numbers its own, from its own base. */
    private static final String EVENTS_SCRIPT = """
            local threads = 0
            setup = function(thread)
              threads = threads + 1
              thread:set("base", threads * 1000000000 + math.random(1, 1000000) * 1000)
            end
            local n = 0
            request = function()
              n = n + 1
              local body = '{"id":' .. (base + n) .. ',"practiceId":9876,"userId":34567,"appointmentTypeId":1864,'
                .. '"appointmentStatusId":2,"appointmentTime":"2030-01-19T13:30:00Z","duration":30,"patientId":426709}'
              return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
            end
            """;
}
