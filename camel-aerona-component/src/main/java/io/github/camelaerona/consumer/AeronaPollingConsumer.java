package io.github.camelaerona.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.model.AeronaJson;
import io.github.camelaerona.operation.AeronaParameter;
import io.github.camelaerona.operation.AeronaRequest;
import io.github.camelaerona.operation.OperationClient;
import io.github.camelaerona.operation.OperationReply;
import io.github.camelaerona.operation.RequestRenderer;
import io.github.camelaerona.operation.ValueLookup;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Polls searchPayments or searchInvoices: one request a poll for a window of dates ({@link PollCursor}), one
 * exchange a record not emitted before, oldest first. The request goes the producer's way ({@link OperationClient})
 * with the window as the first of its value lookups.
 */
public class AeronaPollingConsumer extends ScheduledBatchPollingConsumer {

    /** The header that carries each record's id. */
    public static final String RECORD_ID_HEADER = "CamelAeronaRecordId";
    private static final String FROM_DATE_HEADER = AeronaParameter.FROM_DATE.headerName();
    private static final String TO_DATE_HEADER = AeronaParameter.TO_DATE.headerName();

    private final PollSettings settings;
    private final Supplier<OperationClient> client;
    private final ObjectMapper json = AeronaJson.mapper();
    private PollCursor cursor;

    public AeronaPollingConsumer(Endpoint endpoint, Processor processor, PollSettings settings,
            Supplier<OperationClient> client) {
        super(endpoint, processor);
        this.settings = settings;
        this.client = client;
    }

    @Override
    protected void doStart() throws Exception {
        if (settings.ownsRepository()) {
            ServiceHelper.startService(settings.repository());
        }
        LocalDate initial = settings.initialFromDate() != null ? settings.initialFromDate() : settings.today();
        cursor = new PollCursor(initial, settings.lookbackDays());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (settings.ownsRepository()) {
            ServiceHelper.stopService(settings.repository());
        }
    }

    @Override
    protected int poll() throws Exception {
        LocalDate from = cursor.windowStart();
        LocalDate to = cursor.windowEnd(from, settings.today());
        Map<AeronaParameter, Object> window = new EnumMap<>(AeronaParameter.class);
        window.put(AeronaParameter.FROM_DATE, from);
        window.put(AeronaParameter.TO_DATE, to);
        AeronaRequest request = RequestRenderer.create(settings.operation(), null,
                List.of(ValueLookup.fixed(window), settings.uriOptions()));
        OperationReply reply;
        try {
            reply = client.get().send(request).join();
        } catch (CompletionException e) {
            throw (Exception) (e.getCause() instanceof Exception cause ? cause : e);
        }
        if (!reply.isSuccess()) {
            throw reply.failure("The poll was refused.");
        }
        List<PolledRecord> fresh = new ArrayList<>();
        for (JsonNode node : reply.records()) {
            PolledRecord record = new PolledRecord(node, key(node), recordTime(node, to), from, to);
            if (!settings.repository().contains(record.key())) {
                fresh.add(record);
            }
        }
        fresh.sort(Comparator.comparing(PolledRecord::time).thenComparing(r -> r.node().path("id").asLong()));
        return processBatch(new LinkedList<>(fresh));
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
            getProcessor().process(exchange);
            LocalDate date = record.time().atZoneSameInstant(settings.zone()).toLocalDate();
            if (exchange.isFailed() || exchange.isRollbackOnly()) {
                cursor.failed(record.key(), date);
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Aerona record " + record.key()
                            + " was not delivered; it is offered again", exchange, exchange.getException());
                }
            } else {
                settings.repository().add(record.key());
                cursor.delivered(record.key(), date);
                delivered++;
            }
        }
        pendingExchanges = 0;
        return delivered;
    }

    private Exchange exchangeOf(PolledRecord record) throws Exception {
        Exchange exchange = createExchange(true);
        Message message = exchange.getMessage();
        Class<?> type = settings.operation().spec().resultClass();
        message.setBody(settings.rawJson() ? record.node().toString() : json.treeToValue(record.node(), type));
        message.setHeader(RECORD_ID_HEADER, record.node().path("id").asLong());
        message.setHeader(FROM_DATE_HEADER, record.from());
        message.setHeader(TO_DATE_HEADER, record.to());
        return exchange;
    }

    private String key(JsonNode node) throws NoSuchAlgorithmException {
        String key = settings.operation().name() + ":" + node.path("id").asText();
        if (!settings.emitUpdates()) {
            return key;
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(node.toString().getBytes(StandardCharsets.UTF_8));
        return key + ":" + HexFormat.of().formatHex(digest, 0, 16);
    }

    /** When the record happened: its date-time, or the start of its date in the consumer's zone. */
    private OffsetDateTime recordTime(JsonNode node, LocalDate fallback) {
        String text = node.path(settings.operation().spec().pollDateField()).asText("");
        if (text.isEmpty()) {
            return fallback.atStartOfDay(settings.zone()).toOffsetDateTime();
        }
        return text.length() == 10
                ? LocalDate.parse(text).atStartOfDay(settings.zone()).toOffsetDateTime()
                : OffsetDateTime.parse(text);
    }

    /** How far the consumer has got; for tests and monitoring. */
    public LocalDate getNewestDelivered() {
        return cursor == null ? null : cursor.newestDelivered();
    }

    /** A record of a poll's reply, on its way to the route, with the window it came in. */
    private record PolledRecord(JsonNode node, String key, OffsetDateTime time, LocalDate from, LocalDate to) {
    }
}
