package io.github.camelaerona.internal.consumer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaOperation;
import io.github.camelaerona.internal.operation.RequestLines;
import io.github.camelaerona.internal.operation.ValueLookup;
import org.apache.camel.spi.IdempotentRepository;

/**
 * What a polling consumer needs from its endpoint.
 *
 * @param operation       searchPayments or searchInvoices
 * @param initialFromDate the first window's first day; null for today
 * @param lookbackDays    how far before the newest date delivered later windows start
 * @param zone            the zone of "today" and of record dates
 * @param clock           where "today" comes from
 * @param emitUpdates     key records by id and content, so a changed record is emitted again
 * @param rawJson         emit each record's JSON text instead of its model
 * @param repository      the memory of records delivered
 * @param ownsRepository  whether the consumer starts and stops the repository (one it made itself)
 * @param uriOptions      the endpoint's parameter options (patientId)
 * @param priority        the polls' priority for the rate budget (background unless configured)
 * @param requestLines    the method and path of the search (requestOverrides)
 */
public record PollSettings(AeronaOperation operation, LocalDate initialFromDate, int lookbackDays, ZoneId zone,
        Clock clock, boolean emitUpdates, boolean rawJson, IdempotentRepository repository, boolean ownsRepository,
        ValueLookup uriOptions, AeronaPriority priority, RequestLines requestLines) {

    /** Today in the consumer's zone. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
