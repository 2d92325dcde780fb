package io.github.camelaerona.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectReader;
import com.sun.management.OperatingSystemMXBean;
import io.github.camelaerona.model.AeronaJson;
import io.github.camelaerona.model.Appointment;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Webhook ingest: requests per second through aerona:webhook against a bare platform-http route that answers 200,
 * on the same Vert.x server, loaded by wrk (1 thread, 8 connections, HTTP/1.1 keep-alive, a new event in every
 * request from a Lua script). Both warm up in turns first; then rounds alternate which goes first so drift hits both
 * alike, and the figure is the median of the rounds' ratios. Each run also yields this JVM's CPU time per request,
 * the server's own cost, which the other tenants of two shared cores disturb less than the rate. wrk, not a JVM
 * client, so the server is what saturates: the bare route is also measured with twice the client (2 threads, 16
 * connections), and its rate must not rise with it. A third target, the bare route plus the event read into its
 * model by the same Jackson reader, shows what of aerona:webhook's cost the model accounts for. wrk comes from
 * Debian's package; {@code benchmarks/webhook.sh} installs it.
 */
final class WebhookBenchmark {

    static final int WARMUP_TURNS = 3;
    static final String WARMUP_TURN = "10s";
    static final String ROUND = "3s";
    static final int ROUNDS = Integer.getInteger("aerona.webhook.rounds", 30);
    /** The bare route is measured with twice the client in every third round. */
    static final int DOUBLING_EVERY = 3;
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors:.*");

    /** The server's CPU time: the routes run in this JVM, wrk in its own process. */
    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final List<String> problems = new ArrayList<>();

    Figure run() throws Exception {
        if (!onPath("wrk")) {
            throw new NotMeasured("wrk is not installed (bash benchmarks/run.sh or benchmarks/webhook.sh install Debian's"
                    + " wrk package; or apt-get install wrk)");
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
                // the bare route plus the one piece of aerona:webhook's work that is left to account for: the event
                // read into its model by the same Jackson reader
                ObjectReader reader = AeronaJson.mapper().readerFor(Appointment.class);
                from("platform-http:/binding?httpMethodRestrict=POST").routeId("binding")
                        .process(e -> e.getMessage().setBody(reader.readValue(e.getMessage().getBody(byte[].class))))
                        .setHeader(org.apache.camel.Exchange.HTTP_RESPONSE_CODE, constant(200)).setBody(constant(""));
            }
        });
        context.start();
        Path script = Files.createTempFile("aerona-events-", ".lua");
        Files.writeString(script, EVENTS_SCRIPT, StandardCharsets.UTF_8);
        String aerona = "http://127.0.0.1:" + port + "/aerona/appointment";
        String bare = "http://127.0.0.1:" + port + "/bare";
        String binding = "http://127.0.0.1:" + port + "/binding";
        try {
            // both targets warm up in turns until the JIT has compiled both paths and the repository holds its
            // 10,000 keys: a fresh JVM needs about 15 s of load before its rate settles
            List<String> warmup = new ArrayList<>();
            for (int i = 0; i < WARMUP_TURNS; i++) {
                warmup.add(String.format("%.0f/%.0f/%.0f", wrk(script, bare, 1, 8, WARMUP_TURN).rate(),
                        wrk(script, aerona, 1, 8, WARMUP_TURN).rate(), wrk(script, binding, 1, 8, WARMUP_TURN).rate()));
            }
            // many short rounds, alternating which target goes first: the machine's drift (the rate of one target
            // moves by 15% from one 10 s run to the next on two shared cores) then hits both alike, and the medians
            // of many rounds' ratios settle where a few long rounds' do not
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            List<Double> doublings = new ArrayList<>();
            List<Double> bindingRatios = new ArrayList<>();
            double bareRate = 0;
            double aeronaRate = 0;
            double bareCpu = 0;
            double aeronaCpu = 0;
            double bareDoubled = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Load b;
                Load a;
                Load j;
                if (round % 2 == 0) {
                    b = wrk(script, bare, 1, 8, ROUND);
                    a = wrk(script, aerona, 1, 8, ROUND);
                    j = wrk(script, binding, 1, 8, ROUND);
                } else {
                    j = wrk(script, binding, 1, 8, ROUND);
                    a = wrk(script, aerona, 1, 8, ROUND);
                    b = wrk(script, bare, 1, 8, ROUND);
                }
                bindingRatios.add(a.rate() / j.rate());
                ratios.add(a.rate() / b.rate());
                cpuRatios.add(a.cpuPerRequest() / b.cpuPerRequest());
                bareRate += b.rate();
                aeronaRate += a.rate();
                bareCpu += b.cpuPerRequest();
                aeronaCpu += a.cpuPerRequest();
                if (round % DOUBLING_EVERY == 0) {
                    Load d = wrk(script, bare, 2, 16, ROUND);
                    doublings.add(d.rate() / b.rate());
                    bareDoubled += d.rate();
                }
            }
            bareRate /= ROUNDS;
            aeronaRate /= ROUNDS;
            bareCpu /= ROUNDS;
            aeronaCpu /= ROUNDS;
            bareDoubled /= doublings.size();
            double doubling = quantile(doublings, 0.5);
            double ratio = quantile(ratios, 0.5);
            // a rise within the rounds' own noise (10%) is no rise
            boolean saturated = doubling <= 1.10;
            return new Figure("Webhook ingest (wrk 1 thread, 8 connections, loopback)",
                    String.format("%.2fx of the bare route, %.2fx of the bare route binding the model (medians of %d"
                            + " rounds; aerona:webhook %.0f req/s, bare platform-http %.0f req/s on average); server CPU"
                            + " per request %.2fx of the bare route's (median)", ratio, quantile(bindingRatios, 0.5),
                            ROUNDS, aeronaRate, bareRate, quantile(cpuRatios, 0.5)),
                    ">= 0.9x of the bare route and >= 1.0x of the bare route binding the same model, server saturated",
                    ratio >= 0.9 && quantile(bindingRatios, 0.5) >= 1.0 && saturated && problems.isEmpty(),
                    String.format("each request a new event; %d rounds of %s per target after %d warm-up turns of %s"
                            + " each (bare/aerona/binding req/s: %s); round ratios %s; the server JVM's CPU per request (all"
                            + " its threads, JIT and GC included) %.1f us for aerona:webhook and %.1f us for the bare"
                            + " route on average, aerona/bare per round %s; the bare route with 2 threads and 16"
                            + " connections in %d of the rounds: %.0f req/s on average, %.2fx of 1 thread in the"
                            + " median (%s); against the bare route that also reads the event into its model with the"
                            + " same Jackson reader, aerona:webhook's round ratios are %s%s",
                            ROUNDS, ROUND, WARMUP_TURNS, WARMUP_TURN, warmup, spread(ratios), aeronaCpu, bareCpu,
                            spread(cpuRatios), doublings.size(), bareDoubled, doubling,
                            saturated ? "the server, not wrk, is the limit" : "NOT saturated", spread(bindingRatios),
                            problems.isEmpty() ? "; every answer a 200" : "; " + problems));
        } finally {
            Files.deleteIfExists(script);
            context.stop();
        }
    }

    /** One wrk run: its requests per second, and the server JVM's CPU time per request in microseconds. */
    record Load(double rate, double cpuPerRequest) {
    }

    /** The value below which the given share of the values lie (nearest rank). */
    private static double quantile(List<Double> values, double share) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((int) Math.round(share * (sorted.size() - 1)));
    }

    /** Lowest, quartiles and highest. */
    private static String spread(List<Double> values) {
        return String.format("min %.2f, quartiles %.2f / %.2f / %.2f, max %.2f", quantile(values, 0),
                quantile(values, 0.25), quantile(values, 0.5), quantile(values, 0.75), quantile(values, 1));
    }

    /** Runs wrk against the URL; returns its rate and this JVM's CPU per request, and notes answers other than 2xx. */
    private Load wrk(Path script, String url, int threads, int connections, String duration)
            throws IOException, InterruptedException {
        long cpuBefore = CPU.getProcessCpuTime();
        Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration,
                "-s", script.toString(), url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        long cpu = CPU.getProcessCpuTime() - cpuBefore;
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
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IllegalStateException("No request count in wrk's output: " + output);
        }
        return new Load(Double.parseDouble(rate.group(1)), cpu / 1000.0 / Long.parseLong(requests.group(1)));
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
