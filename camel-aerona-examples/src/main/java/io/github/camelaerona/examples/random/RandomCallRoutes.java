package io.github.camelaerona.examples.random;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.AppointmentSlot;
import org.apache.camel.builder.RouteBuilder;

/**
 * The calls of one instance in a random run: every kind of call the component treats differently, each on a timer
 * whose period the run's seed picks. Interactive bookings (a slot search, then a booking of one of its slots), an
 * interactive patient read, identical normal reads on two routes (coalesced), reference data kept for a while, and
 * background callers back to back that keep the budget saturated. A failed call is logged and the route goes on:
 * what counts is what the sandbox saw.
 */
public final class RandomCallRoutes extends RouteBuilder {

    private final Random random;
    private final Clock clock;
    private final long practiceId = Long.getLong("cluster.practice-id", 9876L);
    private final long clinicianId = Long.getLong("cluster.clinician-id", 1L);
    private final long appointmentTypeId = Long.getLong("cluster.appointment-type-id", 1L);
    private final long patientId = Long.getLong("cluster.patient-id", 1L);

    public RandomCallRoutes(long seed, Clock clock) {
        this.random = new Random(seed);
        this.clock = clock;
    }

    private int period(int fromMillis, int toMillis) {
        return fromMillis + random.nextInt(toMillis - fromMillis);
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(org.apache.camel.LoggingLevel.DEBUG, "random-calls", "${routeId}: ${exception.message}");

        from("timer:booking?period=" + period(800, 2500)).routeId("random-booking")
                .setHeader(AeronaConstants.CLINICIAN_ID, constant(clinicianId))
                .setHeader(AeronaConstants.APPOINTMENT_TYPE_ID, constant(appointmentTypeId))
                .setHeader(AeronaConstants.SEARCH_START, () -> LocalDate.now(clock.withZone(ZoneId.of("Europe/London")))
                        .plusDays(1 + random.nextInt(5)))
                .setHeader(AeronaConstants.TIME_OF_DAY, () -> random.nextInt(4))
                .to("aerona:findAppointmentSlots?priority=interactive")
                .filter(e -> !e.getMessage().getBody(List.class).isEmpty())
                .process(e -> {
                    @SuppressWarnings("unchecked")
                    List<AppointmentSlot> slots = e.getMessage().getBody(List.class);
                    AppointmentSlot slot = slots.get(random.nextInt(slots.size()));
                    Appointment appointment = new Appointment();
                    appointment.setPracticeId(practiceId);
                    appointment.setUserId(slot.getClinicianId());
                    appointment.setAppointmentTypeId(slot.getAppointmentTypeId());
                    appointment.setAppointmentStatusId(1);
                    appointment.setAppointmentTime(slot.getStartTime());
                    appointment.setDuration(slot.getDuration());
                    appointment.setPatientId(patientId);
                    e.getMessage().setBody(appointment);
                })
                .to("aerona:createAppointment?priority=interactive");

        from("timer:patient?period=" + period(500, 1500)).routeId("random-patient")
                .to("aerona:getPatient?priority=interactive&patientId=" + patientId);

        int same = period(150, 400);
        for (String name : List.of("a", "b")) {
            from("timer:clinicians-" + name + "?period=" + same).routeId("random-clinicians-" + name)
                    .to("aerona:getClinicians?practiceId=" + practiceId);
        }

        from("timer:types?period=" + period(100, 300)).routeId("random-types")
                .to("aerona:getAppointmentTypes?referenceDataTtl=1500&practiceId=" + practiceId);

        for (int i = 1; i <= 2; i++) {
            from("timer:background-" + i + "?period=1&synchronous=true").routeId("random-background-" + i)
                    .to("aerona:getPractices?priority=background&coalesceReads=false");
        }
    }
}
