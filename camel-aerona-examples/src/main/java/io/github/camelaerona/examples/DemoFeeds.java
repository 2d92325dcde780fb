package io.github.camelaerona.examples;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.model.Appointment;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's consumer routes: a payments poll that writes each new payment to a file, and a webhook route that
 * receives Aerona's Appointment events.
 */
public class DemoFeeds extends RouteBuilder {

    private final Path paymentsDir;
    private final Clock practiceClock;
    private final CountDownLatch firstPollDone = new CountDownLatch(1);
    private final List<Long> paymentsWritten = new CopyOnWriteArrayList<>();
    private final List<Appointment> appointmentEvents = new CopyOnWriteArrayList<>();
    private final CountDownLatch bookedAndConfirmed = new CountDownLatch(2);

    public DemoFeeds(Path paymentsDir, Clock practiceClock) {
        this.paymentsDir = paymentsDir;
        this.practiceClock = practiceClock;
    }

    @Override
    public void configure() {
        // one request a minute for last month's payments; each payment once, as JSON, into a file. The windows end
        // on today at the practices (timeZone), whatever the zone this JVM runs in.
        from("aerona:searchPayments?rawJson=true&delay=60000&timeZone=" + practiceClock.getZone()
                + "&initialFromDate=" + LocalDate.now(practiceClock).minusMonths(1))
                .routeId("aerona-payments-poll")
                .setHeader(Exchange.FILE_NAME, simple("payment-${header." + AeronaConstants.RECORD_ID + "}.json"))
                .to("file:" + paymentsDir.toAbsolutePath())
                .process(e -> {
                    paymentsWritten.add(e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class));
                    if (e.getProperty(Exchange.BATCH_COMPLETE, false, Boolean.class)) {
                        firstPollDone.countDown();
                    }
                });

        // Aerona posts here when an appointment is booked or changes; answered 200 once this route is done
        from("aerona:webhook?objectType=Appointment").routeId("aerona-appointment-webhook")
                .process(e -> {
                    appointmentEvents.add(e.getMessage().getBody(Appointment.class));
                    bookedAndConfirmed.countDown();
                });
    }

    public CountDownLatch firstPollDone() {
        return firstPollDone;
    }

    /** Counts down once for the booking's webhook and once for the confirmation's. */
    public CountDownLatch bookedAndConfirmed() {
        return bookedAndConfirmed;
    }

    public List<Long> paymentsWritten() {
        return paymentsWritten;
    }

    public List<Appointment> appointmentEvents() {
        return appointmentEvents;
    }

    public Path paymentsDir() {
        return paymentsDir;
    }
}
