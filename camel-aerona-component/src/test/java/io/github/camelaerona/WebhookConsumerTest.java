package io.github.camelaerona;

import io.github.camelaerona.internal.consumer.AeronaWebhookHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelaerona.api.AeronaUnreadableEventException;
import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.Patient;
import io.github.camelaerona.model.Treatment;
import io.github.camelaerona.sandbox.WebhookDelivery;
import io.github.camelaerona.sandbox.SandboxWebhooks;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook consumer on Camel's platform-http (Vert.x) on loopback, fed by a plain client and by the sandbox. */
class WebhookConsumerTest extends AeronaRouteTestSupport {

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNext = new AtomicBoolean();
    private final List<Class<?>> messageTypes = new CopyOnWriteArrayList<>();
    private final List<Exchange> dead = new CopyOnWriteArrayList<>();
    private int port;

    @BeforeEach
    void freePort() throws IOException {
        port = freeLoopbackPort();
    }

    @Override
    protected void bindBeans(CamelContext context) {
        addHttpServer(context, port, null);
    }

    private RouteBuilder webhooks() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:webhook?objectType=Appointment").routeId("appointments")
                        .process(e -> {
                            messageTypes.add(e.getMessage().getClass());
                            if (failNext.getAndSet(false)) {
                                throw new IllegalStateException("calendar sync failed");
                            }
                            received.add(e.copy());
                        })
                        .setBody(constant("this reply is not sent to Aerona"));
                from("aerona:webhook?objectType=Patient&webhookPath=/hooks/patients&webhookSecret=s3cr3t&webhookMaxBodySize=2000")
                        .process(e -> received.add(e.copy()));
                from("aerona:webhook?objectType=Treatment").process(e -> received.add(e.copy()));
                from("direct:book").to("aerona:createAppointment");
            }
        };
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String appointment(long id, int status) {
        return "{\"id\":" + id + ",\"practiceId\":9876,\"userId\":34567,\"appointmentTypeId\":1864,\"appointmentStatusId\":"
                + status + ",\"appointmentTime\":\"2030-01-19T13:30:00Z\",\"duration\":30,\"patientId\":426709,\"source\":\"api\"}";
    }

    @Test
    void anEventThatDoesNotReadIntoItsModelReachesTheErrorHandling() throws Exception {
        CamelContext context = startContext(webhooks());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead"));
                from("direct:dead").process(e -> dead.add(e.copy()));
                from("aerona:webhook?objectType=Patient&webhookPath=/hooks/bridged&bridgeErrorHandler=true")
                        .process(e -> received.add(e.copy()));
            }
        });

        // JSON, but its date is in another form: without bridgeErrorHandler it is logged and answered 500, so Aerona
        // sends it again; it is not remembered, and the route never sees it
        String badDate = "{\"id\":7,\"appointmentTypeId\":1864,\"appointmentTime\":\"05/01/2026 13:30\"}";
        assertEquals(500, post("/aerona/appointment", badDate, Map.of()).statusCode());
        assertEquals(500, post("/aerona/appointment", badDate, Map.of()).statusCode(), "handled again when sent again");

        // with bridgeErrorHandler=true the route's dead letter channel takes it, with the event's JSON in the error
        String badBirthDate = "{\"id\":426709,\"forename\":\"Ann\",\"dob\":\"05/01/1980\"}";
        assertEquals(200, post("/hooks/bridged", badBirthDate, Map.of()).statusCode());
        assertEquals(1, dead.size());
        AeronaUnreadableEventException problem = assertInstanceOf(AeronaUnreadableEventException.class,
                dead.get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertTrue(problem.getMessage().startsWith("Patient event '426709' cannot be read: its field dob is not"),
                problem.getMessage());
        for (Throwable t = problem; t != null; t = t.getCause()) {
            assertFalse(t.getMessage().contains("1980") || t.getMessage().contains("Ann"),
                    "no personal data in the error or its causes: " + t.getMessage());
        }
        assertEquals(badBirthDate, problem.getEventJson());
        assertTrue(dead.get(0).getFromEndpoint().getEndpointUri().contains("objectType=Patient"),
                "an exchange of the webhook route's own: " + dead.get(0).getFromEndpoint().getEndpointUri());
        assertEquals(200, post("/hooks/bridged", badBirthDate, Map.of()).statusCode(), "Aerona sends it again");
        assertEquals(1, dead.size(), "taken once, then remembered like a processed event");
        assertTrue(received.isEmpty(), "no route saw an unreadable event as its body");

        // a body that is not JSON at all is still refused
        assertEquals(400, post("/hooks/bridged", "{\"id\": 5,", Map.of()).statusCode());
    }

    @Test
    void answersAsAeronaNeeds() throws Exception {
        startContext(webhooks());

        HttpResponse<String> ok = post("/aerona/appointment", appointment(1, 2), Map.of());
        assertEquals(200, ok.statusCode());
        assertEquals("", ok.body(), "the route's body is not sent back");
        assertEquals(1, received.size(), "processed before the 200");
        Exchange event = received.get(0);
        Appointment a = assertInstanceOf(Appointment.class, event.getMessage().getBody());
        assertEquals(2, a.getAppointmentStatusId());
        assertEquals("api", a.getAdditionalProperties().get("source"));
        assertEquals("Appointment", event.getMessage().getHeader(AeronaConstants.WEBHOOK_OBJECT_TYPE));
        assertEquals("POST", event.getMessage().getHeader(Exchange.HTTP_METHOD), "the HTTP headers are kept");
        // a plain message: the route's first body change does not copy every header out of Vert.x's message type
        assertEquals(DefaultMessage.class, messageTypes.get(0));
        assertEquals("appointments", event.getFromRouteId(), "the exchange is the webhook route's own");
        assertTrue(event.getFromEndpoint().getEndpointUri().startsWith("aerona://webhook"), event.getFromEndpoint().getEndpointUri());

        assertEquals(200, post("/aerona/appointment", appointment(1, 2), Map.of()).statusCode(), "a duplicate gets 200");
        assertEquals(1, received.size(), "and is not processed again");

        assertEquals(400, post("/aerona/appointment", "not json", Map.of()).statusCode());
        assertEquals(400, post("/aerona/appointment", "[1,2]", Map.of()).statusCode());
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/aerona/appointment"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());

        failNext.set(true);
        assertEquals(500, post("/aerona/appointment", appointment(2, 2), Map.of()).statusCode(), "a failed route asks for a retry");
        assertEquals(200, post("/aerona/appointment", appointment(2, 2), Map.of()).statusCode(), "the retry is processed");
        assertEquals(2, received.size());
        assertEquals(1, received.stream().filter(x -> x.getMessage().getBody(Appointment.class).getId() == 2L).count(),
                "the event that failed first was processed once");
    }

    @Test
    void aRawControlCharacterInAStringIsNotJsonWhileItsEscapesAreAndReachTheRoute() throws Exception {
        startContext(webhooks());
        // RFC 8259: control characters in strings must be escaped; a raw NUL makes the body not JSON: 400, the
        // sender's fault, not 500 (Aerona sends again after any answer but 200 either way)
        String raw = appointment(7, 2).replace("\"source\":\"api\"", "\"source\":\"a\u0000pi\"");
        assertEquals(400, post("/aerona/appointment", raw, Map.of()).statusCode());
        assertEquals(0, received.size());
        // the escapes of a NUL and of a lone surrogate are valid JSON: the event reaches the route as it came
        String escaped = appointment(8, 2).replace("\"source\":\"api\"", "\"source\":\"a\\u0000p\\ud800i\"");
        assertEquals(200, post("/aerona/appointment", escaped, Map.of()).statusCode());
        assertEquals(1, received.size());
        assertEquals("a\u0000p\ud800i", received.get(0).getMessage().getBody(Appointment.class).getAdditionalProperties().get("source"));
    }

    @Test
    void secretAndBodySizeAreEnforced() throws Exception {
        startContext(webhooks());
        String patient = "{\"id\":426709,\"forename\":\"Cathal\",\"surname\":\"Burns\",\"dob\":\"1980-11-22\"}";
        assertEquals(401, post("/hooks/patients", patient, Map.of()).statusCode());
        assertEquals(401, post("/hooks/patients?secret=wrong", patient, Map.of()).statusCode());
        assertEquals(401, post("/hooks/patients", patient, Map.of(AeronaWebhookHandler.SECRET_HEADER, "s3cr3t-no")).statusCode());
        assertEquals(0, received.size());

        assertEquals(200, post("/hooks/patients?secret=s3cr3t", patient, Map.of()).statusCode());
        Patient p = assertInstanceOf(Patient.class, received.get(0).getMessage().getBody());
        assertEquals(LocalDate.of(1980, 11, 22), p.getDob());
        assertTrue(received.get(0).getMessage().getHeaders().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("secret")),
                "the secret does not travel into the route");

        String changed = patient.replace("Burns", "Byrne");
        assertEquals(200, post("/hooks/patients", changed, Map.of(AeronaWebhookHandler.SECRET_HEADER, "s3cr3t")).statusCode());
        assertEquals(2, received.size());

        String big = "{\"id\":1,\"notes\":\"" + "x".repeat(2500) + "\"}";
        assertEquals(413, post("/hooks/patients?secret=s3cr3t", big, Map.of()).statusCode());
        assertEquals(2, received.size());
    }

    @Test
    void sandboxBookingReachesTheWebhookRouteAndRetriesAfterAFailure() throws Exception {
        CamelContext context = startContext(webhooks());
        sandbox.webhooks().register("Appointment", "http://127.0.0.1:" + port + "/aerona/appointment");

        failNext.set(true);
        Appointment booking = new Appointment();
        booking.setPracticeId(9876L);
        booking.setUserId(34568L);
        booking.setAppointmentTypeId(1864L);
        booking.setAppointmentStatusId(1);
        booking.setAppointmentTime(today().plusDays(9).atTime(15, 0)
                .atZone(LONDON).toOffsetDateTime());
        booking.setDuration(30);
        booking.setPatientId(426705L);
        Long id = context.createProducerTemplate().requestBody("direct:book", booking, Long.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.webhooks().deliveries().size() == 1);
        WebhookDelivery first = sandbox.webhooks().deliveries().get(0);
        assertEquals(500, first.status(), "the route failed the first delivery");
        assertEquals(0, received.size());
        assertEquals(1, sandbox.webhooks().pending());

        // the retry is due an hour after the failed delivery's answer (which took moments), so half an hour on the
        // sandbox clock it is not due: what was a wait for nothing to happen is a look at when it will
        Instant retryDue = sandbox.webhooks().pendingDueAt().get(0);
        assertFalse(retryDue.isBefore(first.at().plus(SandboxWebhooks.RETRY_INTERVAL)), retryDue + " for " + first.at());
        assertTrue(retryDue.isBefore(first.at().plus(SandboxWebhooks.RETRY_INTERVAL).plus(Duration.ofMinutes(1))), retryDue.toString());
        sandbox.clock().advance(Duration.ofMinutes(30));
        assertTrue(sandbox.clock().instant().isBefore(retryDue));
        sandbox.clock().advance(Duration.ofMinutes(31));
        // the sandbox logs a delivery once its answer is back, after the route has received it: wait for the log
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.webhooks().deliveries().size() == 2);
        assertEquals(1, received.size());
        WebhookDelivery retry = sandbox.webhooks().deliveries().get(1);
        assertEquals(2, retry.attempt());
        assertEquals(200, retry.status());
        assertEquals(first.eventId(), retry.eventId());
        assertEquals(id, received.get(0).getMessage().getBody(Appointment.class).getId());
        assertEquals(0, sandbox.webhooks().pending());
    }

    @Test
    void treatmentWebhookFromTheSandbox() throws Exception {
        startContext(webhooks());
        sandbox.webhooks().register("Treatment", "http://127.0.0.1:" + port + "/aerona/treatment");
        sandbox.data().addTreatment(426709L, "Scale and polish", new java.math.BigDecimal("60.00"));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        Treatment t = assertInstanceOf(Treatment.class, received.get(0).getMessage().getBody());
        assertEquals("Scale and polish", t.getTreatmentName());
        assertEquals(new java.math.BigDecimal("60.00"), t.getPrice());
        assertEquals(0, sandbox.requests().size(), "a webhook endpoint needs no Aerona login");
    }

    @Test
    void missingHttpComponentSaysWhatToAdd() {
        Exception e = assertThrows(Exception.class, () -> startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:webhook?objectType=Appointment&webhookComponentName=no-such-http").to("log:x");
            }
        }));
        String message = innermostMessage(e);
        assertTrue(message.contains("camel-platform-http-main"), message);
    }
}
