package io.github.camelaerona.benchmarks;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Webhook ingest: requests per second through aerona:webhook against a bare platform-http route that answers 200,
 * on the same Vert.x server, driven by the same client (8 connections' worth of callers on loopback), alternating
 * rounds so drift hits both alike. Every webhook body is a new event, so each one runs the route.
 */
final class WebhookBenchmark {

    static final int CALLERS = 8;
    static final Duration WARMUP = Duration.ofSeconds(3);
    static final Duration ROUND = Duration.ofSeconds(5);
    static final int ROUNDS = 2;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    Figure run() throws Exception {
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
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String aerona = "http://127.0.0.1:" + port + "/aerona/appointment";
        String bare = "http://127.0.0.1:" + port + "/bare";
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            drive(client, callers, bare, WARMUP);
            drive(client, callers, aerona, WARMUP);
            double bareRate = 0;
            double aeronaRate = 0;
            for (int round = 0; round < ROUNDS; round++) {
                bareRate += drive(client, callers, bare, ROUND);
                aeronaRate += drive(client, callers, aerona, ROUND);
            }
            bareRate /= ROUNDS;
            aeronaRate /= ROUNDS;
            double ratio = aeronaRate / bareRate;
            return new Figure("Webhook ingest (" + CALLERS + " callers, loopback)",
                    String.format("%.2fx (aerona:webhook %.0f req/s, bare platform-http %.0f req/s)", ratio, aeronaRate, bareRate),
                    ">= 0.9x", ratio >= 0.9, "each webhook body a new event; both answer 200; " + errors.get()
                            + " requests without a 200 in all rounds");
        } finally {
            callers.shutdownNow();
            context.stop();
        }
    }

    /** Requests per second answered 200 by the URL while the callers post for the given time. */
    private double drive(HttpClient client, ExecutorService callers, String url, Duration time) throws Exception {
        long deadline = System.nanoTime() + time.toNanos();
        AtomicLong ok = new AtomicLong();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            work.add(callers.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long id = ids.incrementAndGet();
                    String body = "{\"id\":" + id + ",\"practiceId\":9876,\"userId\":34567,\"appointmentTypeId\":1864,"
                            + "\"appointmentStatusId\":2,\"appointmentTime\":\"2030-01-19T13:30:00Z\",\"duration\":30,"
                            + "\"patientId\":426709}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet(); // a kept-alive connection the server had closed: counted, not fatal
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : work) {
            w.get(1, TimeUnit.MINUTES);
        }
        return ok.get() / (time.toNanos() / 1e9);
    }
}
