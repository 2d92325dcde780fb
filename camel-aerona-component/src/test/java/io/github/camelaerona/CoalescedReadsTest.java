package io.github.camelaerona;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.api.AeronaApiException;
import io.github.camelaerona.api.BudgetReport;
import io.github.camelaerona.model.Clinician;
import io.github.camelaerona.sandbox.SandboxFault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * coalesceReads: identical reads in flight at the same time on one account share one request. The sandbox holds
 * the first request until the test lets it go, so the others are known to be in flight with it.
 */
class CoalescedReadsTest extends AeronaRouteTestSupport {

    private static final int READS = 5;

    private CamelContext start(String options) throws Exception {
        return startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:clinicians").routeId("booking-page")
                        .to("aerona:getClinicians?practiceId=9876" + options);
                from("direct:other-route").routeId("front-desk")
                        .to("aerona:getClinicians?practiceId=9876&priority=background" + options);
                from("direct:urgent").routeId("urgent").to("aerona:getClinicians?practiceId=9876&priority=interactive"
                        + options);
                from("direct:book").routeId("book").to("aerona:createAppointment");
            }
        });
    }

    private List<CompletableFuture<Exchange>> send(CamelContext context, String uri, int times,
            Map<String, Object> headers) {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            sent.add(template(context).asyncSend(uri, e -> e.getMessage().setHeaders(new LinkedHashMap<>(headers))));
        }
        return sent;
    }

    private static List<Exchange> done(List<CompletableFuture<Exchange>> calls) throws Exception {
        List<Exchange> exchanges = new ArrayList<>();
        for (CompletableFuture<Exchange> call : calls) {
            exchanges.add(call.get(30, TimeUnit.SECONDS));
        }
        return exchanges;
    }

    private int requestsTo(String path) {
        return sandbox.requests(r -> r.path().equals(path)).size();
    }

    /** Logs in first, so that the hold catches the read itself. */
    private void loggedIn(CamelContext context) {
        template(context).requestBodyAndHeader("direct:clinicians", null, AeronaConstants.PRACTICE_ID, 9877L);
        sandbox.clearRequests();
    }

    @Test
    void identicalReadsInFlightShareOneRequestAndEachGetsItsOwnCopy() throws Exception {
        CamelContext context = start("");
        loggedIn(context);
        int requestsBefore = endpoint(context, "getClinicians").budgetReport().requests();
        SandboxFault hold = SandboxFault.hold().path("/clinicians");
        sandbox.injectFault(hold);

        List<CompletableFuture<Exchange>> calls = send(context, "direct:clinicians", 1, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> hold.holding() == 1);
        calls.addAll(send(context, "direct:clinicians", READS - 1, Map.of()));
        AeronaEndpoint endpoint = endpoint(context, "getClinicians");
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.budgetReport().shared() == READS - 1);
        assertEquals(1, hold.holding(), "the others joined the held request instead of sending their own");
        hold.release();
        List<Exchange> exchanges = done(calls);

        assertEquals(1, requestsTo("/clinicians"), "one request for " + READS + " exchanges");
        assertEquals(0, sandbox.logins().size());
        List<?> first = exchanges.get(0).getMessage().getBody(List.class);
        assertFalse(first.isEmpty());
        Set<Object> bodies = new HashSet<>();
        int coalesced = 0;
        for (Exchange exchange : exchanges) {
            assertFalse(exchange.isFailed(), () -> String.valueOf(exchange.getException()));
            List<?> body = exchange.getMessage().getBody(List.class);
            assertEquals(first.toString(), body.toString(), "the same reply");
            assertInstanceOf(Clinician.class, body.get(0));
            bodies.add(System.identityHashCode(body));
            assertEquals(200, exchange.getMessage().getHeader(AeronaConstants.RESPONSE_CODE));
            coalesced += Boolean.TRUE.equals(exchange.getMessage().getHeader(AeronaConstants.COALESCED)) ? 1 : 0;
        }
        assertEquals(READS, bodies.size(), "each exchange has its own list");
        assertEquals(READS - 1, coalesced, "every exchange but the one that sent says it shared");
        assertEquals(Boolean.FALSE, exchanges.get(0).getMessage().getHeader(AeronaConstants.COALESCED));

        Clinician changed = (Clinician) exchanges.get(1).getMessage().getBody(List.class).get(0);
        Clinician other = (Clinician) exchanges.get(2).getMessage().getBody(List.class).get(0);
        assertNotSame(changed, other);
        String surname = other.getSurname();
        changed.setSurname("Changed by one route");
        assertEquals(surname, other.getSurname(), "a route that changes its copy changes no other exchange's");

        BudgetReport report = endpoint.budgetReport();
        assertEquals(1, report.requests() - requestsBefore, "one request in the budget: " + report.summary());
        assertEquals(READS - 1, report.shared(), report.summary());
        assertEquals(READS - 1, report.saved());
        assertTrue(report.summary().contains("saved " + (READS - 1) + " (shared " + (READS - 1)), report.summary());
        assertEquals(READS - 1, jmxAttribute(context, "getClinicians", "SavedInWindow"));
    }

    /**
     * The exchanges that shared a reply go on side by side: each waits in its route for all the others, which only
     * works when none runs after another on the thread that received the reply.
     */
    @Test
    void exchangesThatSharedAReplyGoOnSideBySide() throws Exception {
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(3);
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:together").to("aerona:getPractices")
                        .process(e -> together.await(10, TimeUnit.SECONDS));
            }
        });
        template(context).requestBody("aerona:getClinicians?practiceId=9876", (Object) null); // logged in
        SandboxFault hold = SandboxFault.hold().path("/practices");
        sandbox.injectFault(hold);
        List<CompletableFuture<Exchange>> calls = send(context, "direct:together", 1, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> hold.holding() == 1);
        calls.addAll(send(context, "direct:together", 2, Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint(context, "getPractices").budgetReport().shared() == 2);
        hold.release();
        for (Exchange exchange : done(calls)) {
            assertFalse(exchange.isFailed(), () -> "all three met in their routes: " + exchange.getException());
        }
        assertEquals(1, requestsTo("/practices"));
    }

    @Test
    void readsOfTwoRoutesShareButOtherParametersDoNot() throws Exception {
        CamelContext context = start("");
        loggedIn(context);
        SandboxFault hold = SandboxFault.hold().path("/clinicians").times(2);
        sandbox.injectFault(hold);

        List<CompletableFuture<Exchange>> calls = send(context, "direct:clinicians", 1, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> hold.holding() == 1);
        // another route's endpoint of the same account, and another practice through the header
        calls.addAll(send(context, "direct:other-route", 1, Map.of()));
        calls.addAll(send(context, "direct:clinicians", 1, Map.of(AeronaConstants.PRACTICE_ID, 9877L)));
        await().atMost(Duration.ofSeconds(10)).until(() -> hold.holding() == 2
                && endpoint(context, "getClinicians").budgetReport().shared() == 1);
        hold.release();
        List<Exchange> exchanges = done(calls);

        assertEquals(2, requestsTo("/clinicians"));
        Set<String> practices = new HashSet<>();
        sandbox.requests(r -> r.path().equals("/clinicians")).forEach(r -> practices.add(r.query().get("practiceId")));
        assertEquals(Set.of("9876", "9877"), practices);
        assertEquals(Boolean.TRUE, exchanges.get(1).getMessage().getHeader(AeronaConstants.COALESCED),
                "the front desk's read joined the booking page's");
        assertEquals(Boolean.FALSE, exchanges.get(2).getMessage().getHeader(AeronaConstants.COALESCED));
    }

    @Test
    void aMoreUrgentReadDoesNotWaitBehindALessUrgentOne() throws Exception {
        CamelContext context = start("");
        loggedIn(context);
        SandboxFault hold = SandboxFault.hold().path("/clinicians").times(2);
        sandbox.injectFault(hold);

        List<CompletableFuture<Exchange>> calls = send(context, "direct:other-route", 1, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> hold.holding() == 1);
        calls.addAll(send(context, "direct:urgent", 1, Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> hold.holding() == 2);
        // a background read joins the interactive one now in flight
        calls.addAll(send(context, "direct:other-route", 1, Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint(context, "getClinicians").budgetReport().shared() == 1);
        hold.release();
        List<Exchange> exchanges = done(calls);

        assertEquals(2, requestsTo("/clinicians"), "the interactive read sent its own request");
        assertEquals(Boolean.FALSE, exchanges.get(1).getMessage().getHeader(AeronaConstants.COALESCED));
        assertEquals(Boolean.TRUE, exchanges.get(2).getMessage().getHeader(AeronaConstants.COALESCED));
    }

    @Test
    void everyExchangeGetsTheFailureOfTheSharedRequest() throws Exception {
        CamelContext context = start("");
        loggedIn(context);
        SandboxFault refused = SandboxFault.status(503, "{\"error\":\"maintenance\"}").path("/clinicians").held();
        sandbox.injectFault(refused);

        List<CompletableFuture<Exchange>> calls = send(context, "direct:clinicians", 1, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> refused.holding() == 1);
        calls.addAll(send(context, "direct:clinicians", 2, Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint(context, "getClinicians").budgetReport().shared() == 2);
        refused.release();
        List<Exchange> exchanges = done(calls);

        assertEquals(1, requestsTo("/clinicians"));
        for (Exchange exchange : exchanges) {
            AeronaApiException failure = assertInstanceOf(AeronaApiException.class, exchange.getException());
            assertEquals(503, failure.getStatusCode());
            assertTrue(failure.getResponseBody().contains("maintenance"), failure.getResponseBody());
            assertTrue(failure.getMessage().contains("getClinicians"), failure.getMessage());
        }
        // the next read asks again: a failure is not kept
        template(context).requestBody("direct:clinicians", (Object) null);
        assertEquals(2, requestsTo("/clinicians"));
    }

    @Test
    void identicalWritesInFlightAreNeverMerged() throws Exception {
        CamelContext context = start("");
        loggedIn(context);
        SandboxFault hold = SandboxFault.hold().method("POST").path("/appointments").times(2);
        sandbox.injectFault(hold);
        Map<String, Object> booking = new LinkedHashMap<>();
        booking.put("practiceId", 9876);
        booking.put("userId", 34567);
        booking.put("appointmentTypeId", 1864);
        booking.put("appointmentStatusId", 1);
        LocalDate monday = today().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        booking.put("appointmentTime", OffsetDateTime.of(monday.atTime(9, 0), LONDON.getRules()
                .getOffset(monday.atTime(9, 0))).toString());
        booking.put("duration", 30);
        booking.put("patientId", 426709);

        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(template(context).asyncSend("direct:book", e -> e.getMessage().setBody(booking)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> hold.holding() == 2);
        hold.release();
        List<Exchange> exchanges = done(calls);

        assertEquals(2, sandbox.requests(r -> r.method().equals("POST") && r.path().equals("/appointments")).size(),
                "both bookings reached Aerona");
        // Aerona books the first and refuses the second (the clinician is taken): a merged write would have told
        // both routes they booked the same appointment
        List<Object> booked = new ArrayList<>();
        List<Integer> refused = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            if (exchange.isFailed()) {
                refused.add(assertInstanceOf(AeronaApiException.class, exchange.getException()).getStatusCode());
            } else {
                booked.add(exchange.getMessage().getBody());
            }
            assertEquals(null, exchange.getMessage().getHeader(AeronaConstants.COALESCED), "a write is not a read");
        }
        assertEquals(1, booked.size(), "one appointment: " + booked);
        assertEquals(List.of(409), refused);
        assertEquals(0, endpoint(context, "createAppointment").budgetReport().shared());
    }

    @Test
    void turnedOffEveryReadSendsItsOwnRequest() throws Exception {
        CamelContext context = start("&coalesceReads=false");
        loggedIn(context);
        SandboxFault hold = SandboxFault.hold().path("/clinicians").times(3);
        sandbox.injectFault(hold);

        List<CompletableFuture<Exchange>> calls = send(context, "direct:clinicians", 3, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> hold.holding() == 3);
        hold.release();
        for (Exchange exchange : done(calls)) {
            assertEquals(Boolean.FALSE, exchange.getMessage().getHeader(AeronaConstants.COALESCED));
        }
        assertEquals(3, requestsTo("/clinicians"));
        assertEquals(0, endpoint(context, "getClinicians").budgetReport().shared());
    }
}
