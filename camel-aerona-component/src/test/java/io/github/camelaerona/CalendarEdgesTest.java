package io.github.camelaerona;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelaerona.model.AppointmentSlot;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's "today" on the edges of the calendar (the last minute of a year, London's spring-forward night,
 * the first minutes of a month, a UTC evening that is already tomorrow in London), read from the component's clock,
 * never the machine's.
 */
class CalendarEdgesTest extends AeronaRouteTestSupport {

    private void restartSandboxAt(String start) {
        sandbox.close();
        sandbox = AeronaSandbox.builder().startTime(Instant.parse(start)).start();
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-12-31T23:59:00Z", "2027-03-28T00:30:00Z", "2027-03-01T00:05:00Z",
        "2026-05-31T23:30:00Z" })
    void pollerStartsTodayAtThePracticeAndDeliversWhatIsPaidNow(String start) throws Exception {
        restartSandboxAt(start);
        LocalDate today = today();
        Map<String, Object> paidNow = sandbox.data().addPayment(426701L, new BigDecimal("12.50"), null);
        List<Long> expected = new ArrayList<>();
        sandbox.data().searchPayments(null, today, today).forEach(p -> expected.add((Long) p.get("id")));
        List<Long> received = new CopyOnWriteArrayList<>();
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:searchPayments?timeZone=Europe/London&delay=100")
                        .process(e -> received.add(e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class)));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= expected.size()
                && sandbox.requests(r -> r.path().equals("/payments/search")).size() >= 3);
        assertEquals(expected, received, "today's payments at the practice, the one paid now last");
        assertEquals(paidNow.get("id"), received.get(received.size() - 1));
        for (RecordedRequest poll : sandbox.requests(r -> r.path().equals("/payments/search"))) {
            assertEquals(today.toString(), poll.query().get("fromDate"), "initialFromDate defaults to the clock's today");
            assertEquals(today.toString(), poll.query().get("toDate"), "windows end on the clock's today");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-06-17T22:50:00Z", "2027-03-28T00:30:00Z", "2026-12-31T23:59:00Z" })
    void slotsAskedForFromTheMachinesDayStillStartAfterNow(String start) throws Exception {
        restartSandboxAt(start);
        ProducerTemplate template = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slots").to("aerona:findAppointmentSlots?clinicianId=34567&appointmentTypeId=1864&timeOfDay=0");
            }
        }).createProducerTemplate();
        LocalDate utcDay = LocalDate.ofInstant(Instant.parse(start), java.time.ZoneOffset.UTC);
        List<?> slots = template.requestBodyAndHeader("direct:slots", null,
                AeronaConstants.SEARCH_START, utcDay, List.class);
        assertEquals(50, slots.size());
        Instant now = sandbox.clock().instant();
        for (Object slot : slots) {
            assertTrue(((AppointmentSlot) slot).getStartTime().toInstant().isAfter(now), slot.toString());
        }
    }
}
