package io.github.camelaerona;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelaerona.model.Invoice;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.sandbox.RecordedRequest;
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

/** The payments and invoices polling consumers against the sandbox. */
class PollingConsumerTest extends AeronaRouteTestSupport {

    private LocalDate today;
    private LocalDate from;
    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void window() {
        today = today();
        from = today.minusMonths(2);
    }

    private RouteBuilder poll(String operation, String options) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:" + operation + "?initialFromDate=" + from + "&timeZone=Europe/London&delay=100" + options)
                        .routeId("poll")
                        .process(e -> received.add(e.copy()));
            }
        };
    }

    private List<RecordedRequest> polls(String path) {
        return sandbox.requests(r -> r.path().equals(path));
    }

    private List<Long> receivedIds() {
        return received.stream().map(e -> e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class)).toList();
    }

    @Test
    void everyPaymentOnceOldestFirstOverSeveralPolls() throws Exception {
        List<Map<String, Object>> expected = sandbox.data().searchPayments(null, from, today);
        startContext(poll("searchPayments", ""));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= expected.size() && polls("/payments/search").size() >= 5);

        assertEquals(expected.stream().map(p -> (Long) p.get("id")).toList(), receivedIds(), "each once, oldest first");
        for (int i = 1; i < received.size(); i++) {
            Payment before = received.get(i - 1).getMessage().getBody(Payment.class);
            Payment after = received.get(i).getMessage().getBody(Payment.class);
            assertFalse(after.getPaymentDate().isBefore(before.getPaymentDate()), "oldest first");
        }
        Exchange first = received.get(0);
        assertEquals(0, first.getProperty(Exchange.BATCH_INDEX));
        assertEquals(expected.size(), first.getProperty(Exchange.BATCH_SIZE));
        assertEquals(from, first.getMessage().getHeader(AeronaConstants.FROM_DATE));
        assertEquals(today, first.getMessage().getHeader(AeronaConstants.TO_DATE));

        List<RecordedRequest> polls = polls("/payments/search");
        assertEquals(polls.size(), sandbox.apiRequests().size(), "a poll is one request and nothing else");
        assertEquals(1, sandbox.logins().size());
        for (RecordedRequest poll : polls) {
            assertTrue(poll.query().containsKey("fromDate") && poll.query().containsKey("toDate"), poll.toString());
            assertEquals(today.toString(), poll.query().get("toDate"));
        }
        assertEquals(from.toString(), polls.get(0).query().get("fromDate"));
        LocalDate newest = LocalDate.parse((String) expected.get(expected.size() - 1).get("paymentDate"), java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(LONDON));
        assertEquals(newest.minusDays(1).toString(), polls.get(polls.size() - 1).query().get("fromDate"),
                "later windows start lookbackDays before the newest date delivered");
    }

    @Test
    void paymentAddedLaterIsEmittedOnce() throws Exception {
        int before = sandbox.data().searchPayments(null, from, today).size();
        startContext(poll("searchPayments", ""));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == before);
        Map<String, Object> added = sandbox.data().addPayment(426703L, new BigDecimal("75.00"), null);
        int pollsAtAdd = polls("/payments/search").size();
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == before + 1
                && polls("/payments/search").size() >= pollsAtAdd + 4);
        assertEquals(added.get("id"), receivedIds().get(before));
        assertEquals(before + 1, receivedIds().stream().distinct().count());
        assertEquals(new BigDecimal("75.00"), received.get(before).getMessage().getBody(Payment.class).getAmount());
    }

    @Test
    void failedRecordIsOfferedAgainHoweverOldThenEmittedOnce() throws Exception {
        List<Map<String, Object>> expected = sandbox.data().searchPayments(null, from, today);
        long oldest = (Long) expected.get(0).get("id");
        AtomicBoolean failOnce = new AtomicBoolean(true);
        List<Long> attempts = new CopyOnWriteArrayList<>();
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:searchPayments?initialFromDate=" + from + "&timeZone=Europe/London&delay=100")
                        .process(e -> {
                            long id = e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class);
                            attempts.add(id);
                            if (id == oldest && failOnce.getAndSet(false)) {
                                throw new IllegalStateException("finance system down");
                            }
                            received.add(e.copy());
                        });
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == expected.size());
        assertEquals(2, attempts.stream().filter(id -> id == oldest).count(), "offered again after failing");
        assertEquals(1, receivedIds().stream().filter(id -> id == oldest).count(), "and delivered once");
        assertEquals(expected.size(), receivedIds().stream().distinct().count());
        // the second poll had to reach back two months to the failed record, though newer ones were delivered
        LocalDate oldestDate = java.time.OffsetDateTime.parse((String) expected.get(0).get("paymentDate"))
                .atZoneSameInstant(LONDON).toLocalDate();
        assertEquals(oldestDate.toString(), polls("/payments/search").get(1).query().get("fromDate"));
    }

    @Test
    void restartWithAFileRepositoryEmitsNothingAlreadySeen(@TempDir Path dir) throws Exception {
        File store = dir.resolve("aerona-seen.txt").toFile();
        int expected = sandbox.data().searchInvoices(null, from, today).size();
        CamelContext first = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:searchInvoices?initialFromDate=" + from + "&timeZone=Europe/London&delay=100"
                        + "&idempotentRepository=#seen").process(e -> received.add(e.copy()));
            }
        }, store);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == expected);
        assertTrue(received.get(0).getMessage().getBody() instanceof Invoice);
        first.stop();

        received.clear();
        int pollsBefore = polls("/invoices/search").size();
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:searchInvoices?initialFromDate=" + from + "&timeZone=Europe/London&delay=100"
                        + "&idempotentRepository=#seen").process(e -> received.add(e.copy()));
            }
        }, store);
        await().atMost(Duration.ofSeconds(20)).until(() -> polls("/invoices/search").size() >= pollsBefore + 3);
        assertEquals(0, received.size(), "nothing already seen is emitted after the restart");
        Map<String, Object> added = sandbox.data().addInvoice(426704L, "Crown", new BigDecimal("450.00"), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);
        assertEquals(added.get("id"), receivedIds().get(0));
    }

    @Test
    void emitUpdatesEmitsAChangedRecordAgain() throws Exception {
        int expected = sandbox.data().searchPayments(null, from, today).size();
        startContext(poll("searchPayments", "&emitUpdates=true"));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == expected);
        Map<String, Object> last = sandbox.data().searchPayments(null, from, today).get(expected - 1);
        sandbox.data().changePayment((Long) last.get("id"), Map.of("refund", new BigDecimal("10.00")));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == expected + 1);
        Payment updated = received.get(expected).getMessage().getBody(Payment.class);
        assertEquals(last.get("id"), updated.getId());
        assertEquals(new BigDecimal("10.00"), updated.getRefund());
    }

    @Test
    void producerOnlyOperationsCannotStartARoute() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:getPayment").to("log:x");
            }
        }));
        String message = innermostMessage(e);
        assertTrue(message.contains("searchPayments"), message);
    }

    private CamelContext startContext(RouteBuilder route, File store) throws Exception {
        this.store = store;
        return startContext(route);
    }

    private File store;

    @Override
    protected void bindBeans(CamelContext context) {
        if (store != null) {
            context.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(store));
        }
    }
}
