package io.github.camelaerona;

import io.github.camelaerona.internal.consumer.AeronaWebhookConsumer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook deliveries on a bad day: a crash while the route runs, Aerona retrying an event still in progress, a
 * stranger posting a large body, a secret in the query string.
 */
class WebhookDeliveryTest extends AeronaRouteTestSupport {

    private static final String EVENT = "{\"id\":7001,\"practiceId\":9876,\"userId\":34567,\"appointmentTypeId\":1864,"
            + "\"appointmentStatusId\":2,\"appointmentTime\":\"2030-01-19T13:30:00Z\",\"duration\":30,\"patientId\":426709}";

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNext = new AtomicBoolean();
    private volatile CountDownLatch routeEntered = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);
    private int port;

    @TempDir
    Path dir;

    @BeforeEach
    void freePort() throws IOException {
        port = freeLoopbackPort();
    }

    @Override
    protected void bindBeans(CamelContext context) {
        // as the docs ask: the server refuses a body over the limit before buffering it (camel.server.maxBodySize)
        addHttpServer(context, port, 2000L);
        context.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(store()));
    }

    private File store() {
        return dir.resolve("webhooks-seen.txt").toFile();
    }

    private CamelContext start() throws Exception {
        return startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:webhook?objectType=Appointment&idempotentRepository=#seen&webhookSecret=s3cr3t"
                        + "&webhookMaxBodySize=2000")
                        .process(e -> {
                            routeEntered.countDown();
                            release.await(20, TimeUnit.SECONDS);
                            if (failNext.getAndSet(false)) {
                                throw new IllegalStateException("calendar sync failed");
                            }
                            received.add(e.copy());
                        });
            }
        });
    }

    private CompletableFuture<HttpResponse<String>> post(String query) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/aerona/appointment" + query))
                .header("X-Aerona-Webhook-Secret", "s3cr3t").POST(HttpRequest.BodyPublishers.ofString(EVENT))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String storedKeys() throws IOException {
        return store().exists() ? Files.readString(store().toPath()) : "";
    }

    @Test
    void theKeyBecomesDurableOnlyAfterTheRouteSucceeded() throws Exception {
        start();
        release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> delivery = post("");
        assertTrue(routeEntered.await(10, TimeUnit.SECONDS));
        // a kill -9 now must leave nothing in the file, so that Aerona's retry after the restart is processed
        assertFalse(storedKeys().contains("webhook:Appointment:"), "stored while the route ran: " + storedKeys());
        release.countDown();
        assertEquals(200, delivery.get(20, TimeUnit.SECONDS).statusCode());
        assertTrue(storedKeys().contains("webhook:Appointment:"), "stored once the route succeeded");
        assertEquals(200, post("").get(20, TimeUnit.SECONDS).statusCode(), "a later duplicate");
        assertEquals(1, received.size());
    }

    @Test
    void aRetryOfAnEventStillInProgressGetsTheFirstDeliverysOutcome() throws Exception {
        CamelContext context = start();
        failNext.set(true);
        release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first = post("");
        assertTrue(routeEntered.await(10, TimeUnit.SECONDS));
        CompletableFuture<HttpResponse<String>> retry = post("");
        AeronaWebhookConsumer consumer = (AeronaWebhookConsumer) context.getRoutes().get(0).getConsumer();
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.getDuplicatesWaiting() == 1);
        assertFalse(retry.isDone(), "the retry waits for the first delivery's outcome");
        release.countDown();
        assertEquals(500, first.get(20, TimeUnit.SECONDS).statusCode());
        assertEquals(500, retry.get(20, TimeUnit.SECONDS).statusCode(), "not a 200 for an event that was then lost");
        assertEquals(0, received.size());
        assertEquals(200, post("").get(20, TimeUnit.SECONDS).statusCode(), "Aerona's next retry is processed");
        assertEquals(1, received.size());
    }

    @Test
    void aFloodOfLargeBodiesIsRefusedBeforeAnyIsBuffered() throws Exception {
        start();
        // 10 MB announced, 1 KB sent, 40 at once: a server that buffered bodies would wait for the rest (and hold
        // 400 MB once it came); refused at once, nothing is held
        List<CompletableFuture<Integer>> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String secret = i % 2 == 0 ? "wrong" : "s3cr3t";
            flood.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return statusOfPartialPost(secret, 10_000_000);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (CompletableFuture<Integer> status : flood) {
            assertEquals(413, status.get(30, TimeUnit.SECONDS));
        }
        assertEquals(0, received.size());
        assertEquals(200, post("").get(20, TimeUnit.SECONDS).statusCode(), "the server still answers");
    }

    private int statusOfPartialPost(String secret, int announced) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /aerona/appointment HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-Aerona-Webhook-Secret: " + secret + "\r\nContent-Length: " + announced + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int read = in.readNBytes(head, 0, head.length);
            String status = new String(head, 0, read, StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void aSecretInTheQueryNeverReachesTheRoute() throws Exception {
        start();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/aerona/appointment?trace=1&secret=s3cr3t&source=aerona"))
                .POST(HttpRequest.BodyPublishers.ofString(EVENT)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        Map<String, Object> headers = received.get(0).getMessage().getHeaders();
        headers.forEach((name, value) -> assertFalse(String.valueOf(value).contains("s3cr3t"), name + " = " + value));
        assertEquals("trace=1&source=aerona", headers.get(Exchange.HTTP_QUERY));
    }
}
