package io.github.camelaerona;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.http.HttpReply;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Polls searchPayments or searchInvoices: one request a poll for a window of dates, one exchange a record not
 * emitted before, oldest first. The window's start follows the records delivered (never the local clock), and
 * stays back at any record whose exchange failed until it is delivered.
 */
public class AeronaPollingConsumer extends ScheduledBatchPollingConsumer {

    private static final String RECORD_KEY = "CamelAeronaRecordKey";
    private static final String RECORD_DATE = "CamelAeronaRecordDate";

    private final AeronaEndpoint endpoint;
    private final AeronaConfiguration configuration;
    private final AeronaOperation operation;
    private final ObjectMapper json = AeronaJson.mapper();
    private final AeronaRequestFactory requests = new AeronaRequestFactory(json);
    private final ZoneId zone;
    private IdempotentRepository repository;
    private LocalDate initialFromDate;
    /** The newest record date delivered by this consumer; the cursor. */
    private volatile LocalDate newestDelivered;
    /** Records whose exchange failed and that have not been delivered since, with their dates. */
    private final Map<String, LocalDate> undelivered = new ConcurrentHashMap<>();

    public AeronaPollingConsumer(AeronaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.operation = configuration.getOperation();
        this.zone = configuration.getTimeZone() == null || configuration.getTimeZone().isBlank()
                ? ZoneId.systemDefault() : ZoneId.of(configuration.getTimeZone());
    }

    @Override
    protected void doStart() throws Exception {
        repository = endpoint.idempotentRepository();
        ServiceHelper.startService(repository);
        initialFromDate = configuration.getInitialFromDate() == null || configuration.getInitialFromDate().isBlank()
                ? today()
                : (LocalDate) AeronaRequestFactory.check(operation.name(), "initialFromDate", ValueRule.DATE,
                        configuration.getInitialFromDate());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (configuration.getIdempotentRepository() == null) {
            ServiceHelper.stopService(repository);
        }
    }

    /** Today in the consumer's time zone, on the component's clock. */
    private LocalDate today() {
        return LocalDate.now(endpoint.getComponent().getClock().withZone(zone));
    }

    /** The first day of the next window: lookbackDays before the newest delivered date, or back at a failed record. */
    LocalDate windowStart() {
        LocalDate from = newestDelivered == null ? initialFromDate : newestDelivered.minusDays(configuration.getLookbackDays());
        if (from.isBefore(initialFromDate)) {
            from = initialFromDate;
        }
        for (LocalDate failed : undelivered.values()) {
            if (failed.isBefore(from)) {
                from = failed;
            }
        }
        return from;
    }

    @Override
    protected int poll() throws Exception {
        LocalDate from = windowStart();
        LocalDate to = today();
        if (to.isBefore(from)) {
            to = from;
        }
        AeronaRequest request = windowRequest(from, to);
        HttpReply reply;
        try {
            reply = endpoint.session().execute(endpoint.caller(), request.method(), request.pathAndQuery(), null).join();
        } catch (CompletionException e) {
            throw AeronaProducer.failure(operation.name(), e.getCause());
        }
        if (!reply.isSuccess()) {
            throw new AeronaApiException(operation.name(), reply.status(), reply.body(), "The poll was refused.");
        }
        JsonNode records = json.readTree(reply.body());
        if (records == null || !records.isArray()) {
            throw new AeronaApiException(operation.name(), reply.status(), reply.body(), "The reply is not a JSON list.");
        }
        List<Record> fresh = new ArrayList<>();
        for (JsonNode node : records) {
            Record record = new Record(node, key(node), recordTime(node, to));
            if (!repository.contains(record.key())) {
                fresh.add(record);
            }
        }
        fresh.sort(Comparator.comparing(Record::time).thenComparing(r -> r.node().path("id").asLong()));
        Queue<Object> exchanges = new LinkedList<>();
        Class<?> type = operation.spec().resultClass();
        for (Record record : fresh) {
            Exchange exchange = createExchange(true);
            Message message = exchange.getMessage();
            message.setBody(configuration.isRawJson() ? record.node().toString() : json.treeToValue(record.node(), type));
            message.setHeader(AeronaConstants.RECORD_ID, record.node().path("id").asLong());
            message.setHeader(AeronaConstants.FROM_DATE, from);
            message.setHeader(AeronaConstants.TO_DATE, to);
            exchange.setProperty(RECORD_KEY, record.key());
            exchange.setProperty(RECORD_DATE, record.date(zone));
            exchanges.add(exchange);
        }
        return processBatch(exchanges);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int delivered = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getProcessor().process(exchange);
            String key = exchange.getProperty(RECORD_KEY, String.class);
            LocalDate date = exchange.getProperty(RECORD_DATE, LocalDate.class);
            if (exchange.isFailed() || exchange.isRollbackOnly()) {
                undelivered.put(key, date);
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Aerona record " + key + " was not delivered; it is offered again",
                            exchange, exchange.getException());
                }
            } else {
                repository.add(key);
                undelivered.remove(key);
                if (newestDelivered == null || date.isAfter(newestDelivered)) {
                    newestDelivered = date;
                }
                delivered++;
            }
        }
        pendingExchanges = 0;
        return delivered;
    }

    private AeronaRequest windowRequest(LocalDate from, LocalDate to) {
        return requests.create(operation, new AeronaRequestFactory.ParameterSource() {
            @Override
            public Object header(AeronaParameter parameter) {
                return switch (parameter) {
                    case FROM_DATE -> from;
                    case TO_DATE -> to;
                    default -> null;
                };
            }

            @Override
            public Object option(AeronaParameter parameter) {
                return configuration.parameterValue(parameter);
            }
        }, null);
    }

    private String key(JsonNode node) throws NoSuchAlgorithmException {
        String key = operation.name() + ":" + node.path("id").asText();
        if (!configuration.isEmitUpdates()) {
            return key;
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(node.toString().getBytes(StandardCharsets.UTF_8));
        return key + ":" + HexFormat.of().formatHex(digest, 0, 16);
    }

    /** When the record happened: its date-time, or the start of its date in the consumer's zone. */
    private OffsetDateTime recordTime(JsonNode node, LocalDate fallback) {
        String text = node.path(operation.spec().pollDateField()).asText("");
        if (text.isEmpty()) {
            return fallback.atStartOfDay(zone).toOffsetDateTime();
        }
        return text.length() == 10
                ? LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime()
                : OffsetDateTime.parse(text);
    }

    /** How far the consumer has got; for tests and monitoring. */
    public LocalDate getNewestDelivered() {
        return newestDelivered;
    }

    private record Record(JsonNode node, String key, OffsetDateTime time) {
        LocalDate date(ZoneId zone) {
            return time.atZoneSameInstant(zone).toLocalDate();
        }
    }
}
