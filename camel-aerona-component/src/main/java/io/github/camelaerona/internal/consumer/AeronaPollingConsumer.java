package io.github.camelaerona.internal.consumer;

import io.github.camelaerona.internal.operation.OperationSpecs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.api.AeronaApiException;
import io.github.camelaerona.internal.SafeText;
import io.github.camelaerona.model.AeronaJson;
import io.github.camelaerona.internal.operation.AeronaParameter;
import io.github.camelaerona.internal.operation.AeronaRequest;
import io.github.camelaerona.internal.operation.OperationReply;
import io.github.camelaerona.internal.operation.RequestRenderer;
import io.github.camelaerona.internal.operation.ValueLookup;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Polls searchPayments or searchInvoices: one request a poll for a window of dates ({@link PollCursor}), one
 * exchange a record not emitted before, oldest first, for each account it polls ({@link PollSource}: each with its
 * own cursor and idempotent keys). The request goes the producer's way with the window as the first of its value
 * lookups.
 */
public class AeronaPollingConsumer extends ScheduledBatchPollingConsumer {

    /** The header that carries each record's id. */
    public static final String RECORD_ID_HEADER = "CamelAeronaRecordId";
    private static final String FROM_DATE_HEADER = AeronaParameter.FROM_DATE.headerName();
    private static final String TO_DATE_HEADER = AeronaParameter.TO_DATE.headerName();
    /** The header that names the account a record came from, when the endpoint names its accounts. */
    public static final String ACCOUNT_HEADER = "CamelAeronaAccount";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AeronaPollingConsumer.class);

    private final PollSettings settings;
    private final Supplier<List<PollSource>> sources;
    private final ObjectMapper json = AeronaJson.mapper();
    /** The cursor of each account polled, in the order they are polled. */
    private final Map<PollSource, PollCursor> cursors = new java.util.LinkedHashMap<>();
    /** The account whose records are being read and delivered; polls run one at a time. */
    private PollSource current;
    /** Since when (System.nanoTime) each account's polls were skipped in a row because its budget was busy. */
    private final Map<PollSource, Long> skippedSince = new java.util.HashMap<>();

    /** @param sources the accounts to poll, known once the endpoint started */
    public AeronaPollingConsumer(Endpoint endpoint, Processor processor, PollSettings settings,
            Supplier<List<PollSource>> sources) {
        super(endpoint, processor);
        this.settings = settings;
        this.sources = sources;
    }

    @Override
    protected void doStart() throws Exception {
        if (sources.get().isEmpty()) {
            throw new IllegalArgumentException("aerona:" + settings.operation().name() + " polls accounts of its own: set"
                    + " username and password, or account (names the accountResolver knows, comma-separated); a message"
                    + " header cannot name them");
        }
        // a repository bean (a JdbcMessageIdRepository, say) is started as Camel's idempotent consumer does it;
        // stopping stays with its owner, as other routes may share it
        ServiceHelper.startService(settings.repository());
        LocalDate initial = settings.initialFromDate() != null ? settings.initialFromDate() : settings.today();
        cursors.clear();
        skippedSince.clear();
        for (PollSource source : sources.get()) {
            cursors.put(source, new PollCursor(initial, settings.lookbackDays()));
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (settings.ownsRepository()) {
            ServiceHelper.stopService(settings.repository());
        }
    }

    /**
     * Polls each account in turn, one request each. An account that fails does not keep the others from being
     * polled; the poll then fails with the first account's failure (the others' suppressed), after the rest.
     */
    @Override
    protected int poll() throws Exception {
        int delivered = 0;
        Exception failure = null;
        for (Map.Entry<PollSource, PollCursor> each : cursors.entrySet()) {
            try {
                delivered += poll(each.getKey(), each.getValue());
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return delivered;
    }

    private int poll(PollSource source, PollCursor cursor) throws Exception {
        if (skipWhileBusy(source)) {
            return 0;
        }
        LocalDate from = cursor.windowStart();
        LocalDate to = cursor.windowEnd(from, settings.today());
        Map<AeronaParameter, Object> window = new EnumMap<>(AeronaParameter.class);
        window.put(AeronaParameter.FROM_DATE, from);
        window.put(AeronaParameter.TO_DATE, to);
        AeronaRequest request = RequestRenderer.create(settings.operation(), settings.requestLines(), null,
                List.of(ValueLookup.fixed(window), settings.uriOptions()));
        OperationReply reply;
        try {
            reply = source.client().send(request, getRouteId(), settings.priority()).join();
        } catch (CompletionException e) {
            throw (Exception) (e.getCause() instanceof Exception cause ? cause : e);
        }
        if (!reply.isSuccess()) {
            throw reply.failure("The poll" + (source.account() == null ? "" : " of account " + SafeText.quote(source.account()))
                    + " was refused.");
        }
        current = source;
        LocalDate today = settings.today();
        List<PolledRecord> fresh = new ArrayList<>();
        for (JsonNode node : reply.records()) {
            PolledRecord record = read(node, from, to, today);
            if (!settings.repository().contains(record.key())) {
                fresh.add(record);
            }
        }
        fresh.sort(Comparator.comparing(PolledRecord::time).thenComparing(r -> r.node().path("id").asLong()));
        return processBatch(new LinkedList<>(fresh));
    }

    /**
     * Whether this poll gives way to the account's other work: its call would wait for the budget now. Nothing is
     * lost, as the next poll asks for the same window. Skipped for at most one budget period in a row: then the poll
     * waits for its slot like any call, so a budget that stays busy cannot keep records from the route for ever.
     */
    private boolean skipWhileBusy(PollSource source) {
        long now = System.nanoTime();
        Long since = skippedSince.get(source);
        if (since != null && now - since >= source.client().lease().account().budgetPeriod().toNanos()) {
            skippedSince.remove(source);
            return false;
        }
        if (!source.client().skipPollWhileBusy(getRouteId(), settings.priority(), settings.operation().name())) {
            skippedSince.remove(source);
            return false;
        }
        skippedSince.putIfAbsent(source, now);
        LOG.debug("A poll of {}{} is skipped: it would wait for the busy rate budget; the next poll asks for the same"
                + " window", settings.operation().name(), source.account() == null ? "" : " for account "
                + SafeText.quote(source.account()));
        return true;
    }

    @Override
    public int processBatch(Queue<Object> records) throws Exception {
        int total = records.size();
        int delivered = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            PolledRecord record = (PolledRecord) records.poll();
            Exchange exchange = exchangeOf(record);
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            boolean done;
            if (record.problem() == null) {
                getProcessor().process(exchange);
                done = !exchange.isFailed() && !exchange.isRollbackOnly();
                if (!done && exchange.getException() != null) {
                    getExceptionHandler().handleException("Aerona record " + record.key()
                            + " was not delivered; it is offered again", exchange, exchange.getException());
                }
            } else {
                // an unreadable record goes to the route's error handling (bridgeErrorHandler) or is logged; it is
                // remembered only once an error handler took it, so it is never silently lost
                done = UnreadableRecords.takenByErrorHandler(getExceptionHandler(), exchange, record.problem());
            }
            PollCursor cursor = cursors.get(current);
            if (done) {
                settings.repository().add(record.key());
                cursor.delivered(record.key(), record.date());
                delivered++;
            } else {
                cursor.failed(record.key(), record.date());
            }
        }
        pendingExchanges = 0;
        return delivered;
    }

    private Exchange exchangeOf(PolledRecord record) {
        Exchange exchange = createExchange(true);
        Message message = exchange.getMessage();
        message.setBody(record.body());
        if (record.id() != null) {
            message.setHeader(RECORD_ID_HEADER, record.id());
        }
        message.setHeader(FROM_DATE_HEADER, record.from());
        message.setHeader(TO_DATE_HEADER, record.to());
        if (current.account() != null) {
            message.setHeader(ACCOUNT_HEADER, current.account());
        }
        return exchange;
    }

    /**
     * A record of the reply as the route will get it. One that cannot be read (no id, a date or a value in a form
     * the model does not take) keeps its raw JSON as the body and a problem that names its id and field; it never
     * stops the records around it. A date after today counts as today, so the window never moves past today.
     */
    private PolledRecord read(JsonNode node, LocalDate from, LocalDate to, LocalDate today) {
        String op = settings.operation().name();
        JsonNode idNode = node.path("id");
        Long id = idNode.canConvertToLong() && idNode.isIntegralNumber() ? idNode.longValue() : null;
        String key = current.keyPrefix() + op + ":" + (id != null ? id.toString() : "content:" + digest(node));
        AeronaApiException problem = null;
        if (id == null) {
            problem = unreadable(node, "id", "has no whole-number id");
        }
        String dateField = OperationSpecs.of(settings.operation()).pollDateField();
        OffsetDateTime time = from.atStartOfDay(settings.zone()).toOffsetDateTime();
        try {
            time = recordTime(node, to);
        } catch (DateTimeException e) {
            problem = problem != null ? problem : unreadable(node, dateField, "is not an ISO date or date-time with offset: "
                    + SafeText.quote(node.path(dateField).asText()));
        }
        Object body = node.toString();
        if (!settings.rawJson()) {
            try {
                body = json.treeToValue(node, OperationSpecs.of(settings.operation()).resultClass());
            } catch (IOException e) {
                String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                        ? mapping.getPath().get(0).getFieldName() : "?";
                problem = problem != null ? problem : unreadable(node, field, "cannot be read: "
                        + SafeText.quote(node.path(field).toString()));
                body = node.toString();
            }
        }
        if (settings.emitUpdates() && id != null) {
            key = key + ":" + digest(node);
        }
        LocalDate date = time.atZoneSameInstant(settings.zone()).toLocalDate();
        return new PolledRecord(node, id, key, time, date.isAfter(today) ? today : date, body, problem, from, to);
    }

    private AeronaApiException unreadable(JsonNode node, String field, String problem) {
        String op = settings.operation().name();
        String id = node.path("id").isMissingNode() ? "without id" : SafeText.quote(node.path("id").asText());
        return new AeronaApiException(op, 200, node.toString(), "Record " + id + " cannot be read: its field " + field
                + " " + problem + ". It is handed to the route's error handling (the record's JSON is the exception's"
                + " response body), and offered again until an error handler takes it.");
    }

    private static String digest(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(node.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** When the record happened: its date-time, or the start of its date in the consumer's zone. */
    private OffsetDateTime recordTime(JsonNode node, LocalDate fallback) {
        String text = node.path(OperationSpecs.of(settings.operation()).pollDateField()).asText("");
        if (text.isEmpty()) {
            return fallback.atStartOfDay(settings.zone()).toOffsetDateTime();
        }
        return text.length() == 10
                ? LocalDate.parse(text).atStartOfDay(settings.zone()).toOffsetDateTime()
                : OffsetDateTime.parse(text);
    }

    /** How far the consumer has got (the first account it polls); for tests and monitoring. */
    public LocalDate getNewestDelivered() {
        return cursors.isEmpty() ? null : cursors.values().iterator().next().newestDelivered();
    }

    /** A record of a poll's reply, on its way to the route, with the window it came in. */
    private record PolledRecord(JsonNode node, Long id, String key, OffsetDateTime time, LocalDate date, Object body,
            AeronaApiException problem, LocalDate from, LocalDate to) {
    }
}
