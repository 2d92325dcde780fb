package io.github.camelaerona.examples.docs;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.AppointmentSlot;
import io.github.camelaerona.model.Patient;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routes of README.md and the pages of docs/, exactly as the pages show them (DocsSnippetsTest compares
 * the tagged regions with the pages), run against the sandbox. Dates (a search window ending today) come from the
 * sandbox's pinned clock, never the machine's; what is asserted is what the sandbox saw and what the routes received.
 */
@WithAeronaSandbox(startTime = "2026-06-17T10:00:00Z")
class DocumentedRoutesTest {

    AeronaSandbox sandbox;
    CamelContext context;
    /** The routes' dates come from the sandbox's pinned clock, as the component's do. */
    Clock clock;
    int httpPort;
    @TempDir
    File dataDir;

    @BeforeEach
    void startContext() throws Exception {
        context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(5);
        Map<String, String> environment = Map.of("AERONA_USERNAME", sandbox.username(),
                "AERONA_PASSWORD", sandbox.password());
        // tag::component-credentials[]
        AeronaComponent aerona = context.getComponent("aerona", AeronaComponent.class);
        aerona.getConfiguration().setUsername(environment.get("AERONA_USERNAME"));
        aerona.getConfiguration().setPassword(environment.get("AERONA_PASSWORD"));
        // end::component-credentials[]
        aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());
        clock = sandbox.clock();
        aerona.setClock(clock);
        try (ServerSocket free = new ServerSocket(0)) {
            httpPort = free.getLocalPort();
        }
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(httpPort);
        context.addService(new VertxPlatformHttpServer(server));
        Properties properties = new Properties();
        properties.setProperty("finance.inbox", new File(dataDir, "inbox").toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:finance").to("mock:finance");
                from("direct:calendar").to("mock:calendar");
            }
        });
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void readmeRoutes() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::readme-search[]
                from("timer:payments?period=1h")
                    // clock: a java.time.Clock bean, Clock.systemDefaultZone() in production, a fixed one in tests
                    .setHeader(AeronaConstants.FROM_DATE, () -> LocalDate.now(clock).minusDays(1))
                    .setHeader(AeronaConstants.TO_DATE, () -> LocalDate.now(clock))
                    .to("aerona:searchPayments")                 // List<Payment>, amounts as BigDecimal
                    .split(body())
                    .log("Payment ${body.id}: ${body.amount} by ${body.paymentMethod}");
                // end::readme-search[]
                // tag::readme-consumers[]
                from("aerona:searchPayments?initialFromDate=2026-01-01")      // a poll a minute, each payment once
                    .to("direct:finance");

                from("aerona:webhook?objectType=Appointment")                  // Aerona's webhooks, each event processed once
                    .to("direct:calendar");
                // end::readme-consumers[]
            }
        });
        context.start();
        int payments = sandbox.data().searchPayments(null, LocalDate.parse("2026-01-01"), today()).size();
        MockEndpoint finance = context.getEndpoint("mock:finance", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> finance.getReceivedCounter() == payments);
        await().atMost(Duration.ofSeconds(10)).until(() -> searches("/payments/search").size() == 2);
        assertTrue(searches("/payments/search").stream().anyMatch(r -> "2026-06-16".equals(r.query().get("fromDate"))
                && "2026-06-17".equals(r.query().get("toDate"))), "the timer's window, yesterday to today on the clock: "
                + searches("/payments/search"));

        MockEndpoint calendar = context.getEndpoint("mock:calendar", MockEndpoint.class);
        sandbox.webhooks().register("Appointment", "http://127.0.0.1:" + httpPort + "/aerona/appointment");
        long appointmentId = (Long) sandbox.data().appointments().get(0).get("id");
        sandbox.data().changeAppointment(appointmentId, Map.of("appointmentStatusId", 3));
        await().atMost(Duration.ofSeconds(10)).until(() -> calendar.getReceivedCounter() == 1);
        assertEquals(appointmentId, calendar.getReceivedExchanges().get(0).getMessage().getBody(Appointment.class).getId());
    }

    @Test
    void consumerRoutes() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::polling[]
                from("aerona:searchPayments?initialFromDate=2026-01-01&delay=60000&timeZone=Europe/London")
                    .log("Payment ${header.CamelAeronaRecordId}: ${body.amount}")   // body: Payment
                    .to("direct:finance");
                // end::polling[]
                // tag::across-restarts[]
                IdempotentRepository seen = FileIdempotentRepository.fileIdempotentRepository(new File(dataDir, "aerona-seen.dat"));
                getContext().getRegistry().bind("seen", seen);
                from("aerona:searchInvoices?initialFromDate=2026-01-01&idempotentRepository=#seen")
                    .to("direct:finance");
                // end::across-restarts[]
                // tag::webhook[]
                from("aerona:webhook?objectType=Appointment")           // body: Appointment
                    .log("Appointment ${body.id} is now in status ${body.appointmentStatusId}")
                    .to("direct:calendar");
                // end::webhook[]
                // tag::webhook-component[]
                from("aerona:webhook?objectType=Appointment&webhookComponentName=platform-http&webhookPath=/hooks/appointments")
                    .to("direct:calendar");
                // end::webhook-component[]
            }
        });
        context.start();
        int records = sandbox.data().searchPayments(null, LocalDate.parse("2026-01-01"), today()).size()
                + sandbox.data().searchInvoices(null, LocalDate.parse("2026-01-01"), today()).size();
        MockEndpoint finance = context.getEndpoint("mock:finance", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> finance.getReceivedCounter() == records);
        assertTrue(Files.size(dataDir.toPath().resolve("aerona-seen.dat")) > 0, "the invoices are remembered in the file");

        MockEndpoint calendar = context.getEndpoint("mock:calendar", MockEndpoint.class);
        long appointmentId = (Long) sandbox.data().appointments().get(0).get("id");
        for (String path : List.of("/aerona/appointment", "/hooks/appointments")) {
            sandbox.webhooks().register("Appointment", "http://127.0.0.1:" + httpPort + path);
            sandbox.data().changeAppointment(appointmentId, Map.of("appointmentStatusId", 3));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> calendar.getReceivedCounter() == 2);
    }

    @Test
    void eachOperation() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::each-operation[]
                // getPractices: List<Practice>
                from("direct:a").to("aerona:getPractices");

                // getClinicians: List<Clinician>, optionally for a practice and an appointment type
                from("direct:b").to("aerona:getClinicians?practiceId=9876&appointmentTypeId=1864");

                // getAppointmentTypes: List<AppointmentType>
                from("direct:c").to("aerona:getAppointmentTypes?practiceId=9876&onsiteOnly=true");

                // findAppointmentSlots: the next 50 free slots, List<AppointmentSlot>
                from("direct:d")
                    .setHeader(AeronaConstants.SEARCH_START, () -> LocalDate.now(clock))   // clock: a java.time.Clock
                    .to("aerona:findAppointmentSlots?clinicianId=34567&appointmentTypeId=1864&timeOfDay=1");

                // createAppointment: body Appointment (or Map/JSON), result the new id (Long)
                from("direct:e").to("aerona:createAppointment");

                // updateAppointmentStatus: true, or AeronaApiException when Aerona answers false
                from("direct:f")
                    .setHeader(AeronaConstants.APPOINTMENT_ID, simple("${body}"))
                    .to("aerona:updateAppointmentStatus?appointmentStatusId=2");       // Confirmed

                // getPatient / getPayment / getInvoice: one record by id
                from("direct:g").to("aerona:getPatient");                               // header CamelAeronaPatientId
                from("direct:h").to("aerona:getPayment");                               // header CamelAeronaPaymentId
                from("direct:i").to("aerona:getInvoice");                               // header CamelAeronaInvoiceId

                // searchPayments / searchInvoices: List<Payment> / List<Invoice> of a date window
                from("direct:j")
                    // clock: a java.time.Clock bean, Clock.systemDefaultZone() in production, a fixed one in tests
                    .setHeader(AeronaConstants.FROM_DATE, () -> LocalDate.now(clock).minusMonths(1))
                    .setHeader(AeronaConstants.TO_DATE, () -> LocalDate.now(clock))
                    .to("aerona:searchInvoices?patientId=426709");
                // end::each-operation[]
                // tag::get-patient[]
                from("direct:patient").to("aerona:getPatient");   // header CamelAeronaPatientId: 426709
                // end::get-patient[]
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        assertEquals(sandbox.data().practices().size(), template.requestBody("direct:a", null, List.class).size());
        template.requestBody("direct:b", null, List.class);
        template.requestBody("direct:c", null, List.class);
        List<?> slots = template.requestBody("direct:d", null, List.class);
        AppointmentSlot slot = (AppointmentSlot) slots.get(0);
        Appointment booking = new Appointment();
        booking.setPracticeId(9876L);
        booking.setUserId(slot.getClinicianId());
        booking.setAppointmentTypeId(slot.getAppointmentTypeId());
        booking.setAppointmentStatusId(1);
        booking.setAppointmentTime(slot.getStartTime());
        booking.setDuration(slot.getDuration());
        booking.setPatientId(426709L);
        Long id = template.requestBody("direct:e", booking, Long.class);
        assertEquals(Boolean.TRUE, template.requestBody("direct:f", id));
        long paymentId = (Long) sandbox.data().payments().get(0).get("id");
        long invoiceId = (Long) sandbox.data().invoices().get(0).get("id");
        assertInstanceOf(Patient.class, template.requestBodyAndHeader("direct:g", null, AeronaConstants.PATIENT_ID, 426709L));
        assertEquals(paymentId, ((io.github.camelaerona.model.Payment) template.requestBodyAndHeader("direct:h", null,
                AeronaConstants.PAYMENT_ID, paymentId)).getId());
        assertEquals(invoiceId, ((io.github.camelaerona.model.Invoice) template.requestBodyAndHeader("direct:i", null,
                AeronaConstants.INVOICE_ID, invoiceId)).getId());
        template.requestBody("direct:j", null, List.class);
        assertInstanceOf(Patient.class, template.requestBodyAndHeader("direct:patient", null, AeronaConstants.PATIENT_ID, 426709L));

        List<String> seen = sandbox.apiRequests().stream().map(r -> r.method() + " " + r.path()).toList();
        assertEquals(List.of("GET /practices", "GET /clinicians", "GET /appointment-types", "GET /find-appointment-slots",
                "POST /appointments", "PUT /appointments/" + id + "/status", "GET /patients/426709",
                "GET /payments/" + paymentId, "GET /invoices/" + invoiceId, "GET /invoices/search", "GET /patients/426709"),
                seen);
    }

    @Test
    void bookingTheFirstFreeSlotAndPaymentsAsJson() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::booking[]
                from("direct:book")
                    .setHeader(AeronaConstants.CLINICIAN_ID, constant(34567))
                    .setHeader(AeronaConstants.SEARCH_START, () -> LocalDate.now(clock))   // clock: a java.time.Clock
                    .to("aerona:findAppointmentSlots?appointmentTypeId=1864&timeOfDay=1")
                    .process(e -> {
                        AppointmentSlot slot = (AppointmentSlot) e.getMessage().getBody(List.class).get(0);
                        Appointment a = new Appointment();
                        a.setPracticeId(9876L);
                        a.setUserId(slot.getClinicianId());
                        a.setAppointmentTypeId(slot.getAppointmentTypeId());
                        a.setAppointmentStatusId(1);
                        a.setAppointmentTime(slot.getStartTime());
                        a.setDuration(slot.getDuration());
                        a.setPatientId(e.getMessage().getHeader("patientId", Long.class));
                        e.getMessage().setBody(a);
                    })
                    .to("aerona:createAppointment")                       // body: the new id (Long)
                    .setHeader(AeronaConstants.APPOINTMENT_ID, body())
                    .to("aerona:updateAppointmentStatus?appointmentStatusId=2");  // Confirmed
                // end::booking[]
                // tag::payments-json[]
                from("timer:payments?period=1h")
                    // clock: a java.time.Clock bean, Clock.systemDefaultZone() in production, a fixed one in tests
                    .setHeader(AeronaConstants.FROM_DATE, () -> LocalDate.now(clock).minusDays(1))
                    .setHeader(AeronaConstants.TO_DATE, () -> LocalDate.now(clock))
                    .to("aerona:searchPayments?rawJson=true")
                    .to("file:{{finance.inbox}}");
                // end::payments-json[]
            }
        });
        context.start();
        Object confirmed = context.createProducerTemplate().requestBodyAndHeader("direct:book", null, "patientId", 426709L);
        assertEquals(Boolean.TRUE, confirmed);
        RecordedRequest booked = sandbox.requests(r -> r.path().equals("/appointments")).get(0);
        assertTrue(booked.body().contains("\"patientId\":426709"), booked.body());
        assertEquals(1, sandbox.requests(r -> r.path().endsWith("/status")).size());

        Path inbox = dataDir.toPath().resolve("inbox");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox) && Files.list(inbox).findAny().isPresent());
        Path written = Files.list(inbox).findFirst().orElseThrow();
        assertTrue(Files.readString(written).startsWith("["), "the reply as JSON text");
    }

    @Test
    void oneRouteInJavaYamlAndXml() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::slots-java[]
                from("timer:slots?repeatCount=1")
                    .setHeader("CamelAeronaSearchStart", simple("${date:now+24h:yyyy-MM-dd}"))
                    .to("aerona:findAppointmentSlots?clinicianId=34567&appointmentTypeId=1864&timeOfDay=1")
                    .log("${body.size()} free morning slots, the first at ${body[0].startTime}");
                // end::slots-java[]
            }
        });
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:docs/slots.camel.yaml"),
                ResourceHelper.resolveMandatoryResource(context, "classpath:docs/slots.camel.xml"));
        context.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> searches("/find-appointment-slots").size() == 3);
        for (RecordedRequest request : searches("/find-appointment-slots")) {
            assertEquals(200, request.status());
            assertEquals(Map.of("clinicianId", "34567", "appointmentTypeId", "1864", "timeOfDay", "1",
                    "searchStart", request.query().get("searchStart")), request.query());
        }
    }

    @Test
    void priorities() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::priorities[]
                from("platform-http:/slots")                               // the booking page's backend: someone waits
                    .setHeader(AeronaConstants.SEARCH_START, header("from"))
                    .to("aerona:findAppointmentSlots?priority=interactive&clinicianId=34567&appointmentTypeId=1864&timeOfDay=1")
                    .setBody(simple("${body.size()} free slots"));

                from("timer:nightly?repeatCount=1")                         // the invoice sync: batch work
                    // clock: a java.time.Clock bean, Clock.systemDefaultZone() in production, a fixed one in tests
                    .setHeader(AeronaConstants.FROM_DATE, () -> LocalDate.now(clock).minusMonths(1))
                    .setHeader(AeronaConstants.TO_DATE, () -> LocalDate.now(clock))
                    .to("aerona:searchInvoices?priority=background")
                    .split(body())
                        .setHeader(AeronaConstants.INVOICE_ID, simple("${body.id}"))
                        .to("aerona:getInvoice?priority=background&rateLimitMaxWait=1h");
                // end::priorities[]
            }
        });
        context.start();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + httpPort + "/slots?from=2026-06-18")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().endsWith(" free slots"), page.body());
        await().atMost(Duration.ofSeconds(10)).until(() -> searches("/invoices/search").size() == 1);
    }

    private List<RecordedRequest> searches(String path) {
        return sandbox.requests(r -> r.path().equals(path));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
    }
}
