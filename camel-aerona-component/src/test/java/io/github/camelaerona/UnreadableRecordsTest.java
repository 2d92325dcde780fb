package io.github.camelaerona;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelaerona.api.AeronaApiException;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.SandboxFault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poll whose reply holds records the component cannot read (a date in another format, a date-time without an
 * offset, an amount as a word, no id) or a record dated in the future: the good records still arrive, the bad ones
 * reach the route's error handling naming their id and field, and the window never moves past today.
 */
class UnreadableRecordsTest extends AeronaRouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Long> delivered = new CopyOnWriteArrayList<>();
    private final List<Exchange> dead = new CopyOnWriteArrayList<>();
    private LocalDate today;
    private LocalDate from;
    private List<Long> ids;

    @BeforeEach
    void window() {
        today = today();
        from = today.minusMonths(1);
        ids = sandbox.data().searchPayments(null, from, today).stream().map(p -> (Long) p.get("id")).toList();
    }

    /** The sandbox answers the searches with four records spoiled, as a changed or broken API might. */
    private void spoilRecords() {
        UnaryOperator<String> spoil = body -> {
            try {
                ArrayNode records = (ArrayNode) JSON.readTree(body);
                for (JsonNode node : records) {
                    ObjectNode record = (ObjectNode) node;
                    long id = record.path("id").asLong();
                    if (id == ids.get(0)) {
                        record.put("paymentDate", "05/01/2026");
                    } else if (id == ids.get(1)) {
                        record.put("paymentDate", "2026-05-01T10:15:00");
                    } else if (id == ids.get(2)) {
                        record.put("amount", "ten");
                    } else if (id == ids.get(3)) {
                        record.remove("id");
                    } else if (id == ids.get(4)) {
                        record.put("paymentDate", "2099-01-01T10:00:00Z");
                    }
                }
                return records.toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        sandbox.injectFault(SandboxFault.rewriteReply(spoil).path("/payments/search").always());
    }

    private RouteBuilder poller(String options) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead"));
                from("direct:dead").process(e -> dead.add(e.copy()));
                from("aerona:searchPayments?initialFromDate=" + from + "&timeZone=Europe/London&delay=100" + options)
                        .process(e -> delivered.add(e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class)));
            }
        };
    }

    private List<RecordedRequest> polls() {
        return sandbox.requests(r -> r.path().equals("/payments/search"));
    }

    @Test
    void goodRecordsArriveAndBadOnesReachTheErrorHandlerNamingIdAndField() throws Exception {
        spoilRecords();
        startContext(poller("&bridgeErrorHandler=true"));
        List<Long> good = ids.subList(4, ids.size());
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.containsAll(good) && dead.size() >= 4);
        int pollsNow = polls().size();
        await().atMost(Duration.ofSeconds(20)).until(() -> polls().size() >= pollsNow + 3);

        assertEquals(good.size(), delivered.size(), "every good record once, the future-dated one too");
        assertEquals(4, dead.size(), "each bad record reached the error handler once, then was remembered");
        List<String> problems = dead.stream().map(e -> e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .map(Throwable::getMessage).toList();
        assertTrue(problems.stream().anyMatch(m -> m.contains("'" + ids.get(0) + "'") && m.contains("paymentDate")), problems::toString);
        assertTrue(problems.stream().anyMatch(m -> m.contains("'" + ids.get(1) + "'") && m.contains("paymentDate")), problems::toString);
        assertTrue(problems.stream().anyMatch(m -> m.contains("'" + ids.get(2) + "'") && m.contains("amount")), problems::toString);
        assertTrue(problems.stream().anyMatch(m -> m.contains("without id") && m.contains("field id")), problems::toString);
        for (Exchange e : dead) {
            AeronaApiException problem = assertInstanceOf(AeronaApiException.class, e.getProperty(Exchange.EXCEPTION_CAUGHT));
            assertTrue(problem.getResponseBody().startsWith("{\"") && problem.getResponseBody().contains("paymentDate"),
                    "the raw record travels with the error: " + problem.getResponseBody());
        }
    }

    @Test
    void withoutAnErrorHandlerABadRecordIsOfferedAgainAndNeverBlocksTheOthers() throws Exception {
        spoilRecords();
        startContext(poller(""));
        List<Long> good = ids.subList(4, ids.size());
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.containsAll(good) && polls().size() >= 4);
        assertEquals(good.size(), delivered.size());
        assertTrue(dead.isEmpty());
        // not remembered: the window stays back at the oldest bad record, so it is offered (and reported) again
        for (RecordedRequest poll : polls()) {
            assertFalse(LocalDate.parse(poll.query().get("fromDate")).isAfter(today), poll.toString());
        }
        assertEquals(from.toString(), polls().get(polls().size() - 1).query().get("fromDate"));
    }

    @Test
    void aRecordDatedInTheFutureNeverMovesTheWindowPastToday() throws Exception {
        spoilRecords();
        startContext(poller("&bridgeErrorHandler=true"));
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.contains(ids.get(4)) && dead.size() >= 4);
        Map<String, Object> paidNow = sandbox.data().addPayment(426702L, new BigDecimal("33.00"), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.contains((Long) paidNow.get("id")));
        for (RecordedRequest poll : polls()) {
            assertFalse(LocalDate.parse(poll.query().get("fromDate")).isAfter(today), "window start " + poll.query());
            assertEquals(today.toString(), poll.query().get("toDate"));
        }
    }
}
