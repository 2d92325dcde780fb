package io.github.camelaerona.examples;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.AppointmentSlot;
import io.github.camelaerona.model.AppointmentType;
import io.github.camelaerona.model.Clinician;
import io.github.camelaerona.model.Invoice;
import io.github.camelaerona.model.Patient;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.model.Practice;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo as plain Camel routes: list practices, clinicians and appointment types, find slots, book the first
 * one, confirm it, read the patient, and total a month of payments and invoices. The account (and so the sandbox
 * or a real Aerona) is configured on the component, never here.
 */
public class DemoRoutes extends RouteBuilder {

    static final String SUMMARY = "aeronaDemoSummary";
    private static final String PRACTICE = "aeronaDemoPractice";
    private static final String TYPE = "aeronaDemoType";

    private final Long patientId;
    /** Today at the practices: Aerona's dates are the practice's dates. */
    private final Clock practiceClock;

    /** @param patientId the patient to book for; null skips booking (the safe choice on a real account) */
    public DemoRoutes(Long patientId, Clock practiceClock) {
        this.patientId = patientId;
        this.practiceClock = practiceClock;
    }

    @Override
    public void configure() {
        from("direct:demo").routeId("aerona-demo")
                .process(e -> e.setProperty(SUMMARY, new DemoSummary()))
                .to("direct:practices")
                .to("direct:catalogue")
                .choice().when(e -> patientId != null)
                    .to("direct:book")
                .end()
                .to("direct:finance")
                .setBody(exchangeProperty(SUMMARY));

        from("direct:practices").routeId("aerona-practices")
                .to("aerona:getPractices")
                .process(e -> {
                    List<Practice> practices = list(e);
                    summary(e).add("Practices:          %d (%s, ...)", practices.size(), practices.get(0).getName());
                    e.setProperty(PRACTICE, practices.get(0));
                });

        from("direct:catalogue").routeId("aerona-catalogue")
                .process(e -> e.getMessage().setHeader(AeronaConstants.PRACTICE_ID, e.getProperty(PRACTICE, Practice.class).getId()))
                .to("aerona:getAppointmentTypes")
                .process(e -> {
                    List<AppointmentType> types = list(e);
                    AppointmentType type = types.get(0);
                    summary(e).add("Appointment types:  %d (booking '%s', %d min)", types.size(), type.getName(), type.getDuration());
                    e.setProperty(TYPE, type);
                    e.getMessage().setHeader(AeronaConstants.APPOINTMENT_TYPE_ID, type.getId());
                })
                .to("aerona:getClinicians")
                .process(e -> {
                    List<Clinician> clinicians = list(e);
                    Clinician first = clinicians.get(0);
                    summary(e).add("Clinicians:         %d for that type (first: %s %s)", clinicians.size(),
                            first.getForename(), first.getSurname());
                    e.getMessage().setHeader(AeronaConstants.CLINICIAN_ID, first.getId());
                    e.getMessage().setHeader(AeronaConstants.SEARCH_START, LocalDate.now(practiceClock).plusDays(1));
                    e.getMessage().setHeader(AeronaConstants.TIME_OF_DAY, 0);
                })
                .to("aerona:findAppointmentSlots")
                .process(e -> {
                    List<AppointmentSlot> slots = list(e);
                    summary(e).add("Free slots:         %d, first at %s", slots.size(), slots.get(0).getStartTime());
                    e.getMessage().setBody(slots.get(0));
                });

        from("direct:book").routeId("aerona-book")
                .process(e -> {
                    AppointmentSlot slot = e.getMessage().getBody(AppointmentSlot.class);
                    Practice practice = e.getProperty(PRACTICE, Practice.class);
                    Appointment appointment = new Appointment();
                    appointment.setPracticeId(practice.getId());
                    appointment.setUserId(slot.getClinicianId());
                    appointment.setAppointmentTypeId(slot.getAppointmentTypeId());
                    appointment.setAppointmentStatusId(1); // Unconfirmed
                    appointment.setAppointmentTime(slot.getStartTime());
                    appointment.setDuration(slot.getDuration());
                    appointment.setPatientId(patientId);
                    appointment.setAppointmentNotes("Booked by the camel-aerona demo");
                    e.getMessage().setBody(appointment);
                })
                .to("aerona:createAppointment")
                .process(e -> {
                    Long id = e.getMessage().getBody(Long.class);
                    summary(e).add("Booked appointment: %d", id);
                    summary(e).bookedAppointmentId(id);
                    e.getMessage().setHeader(AeronaConstants.APPOINTMENT_ID, id);
                })
                .to("aerona:updateAppointmentStatus?appointmentStatusId=2") // Confirmed
                .process(e -> summary(e).add("Confirmed:          %s", e.getMessage().getBody()))
                .setHeader(AeronaConstants.PATIENT_ID, constant(patientId))
                .to("aerona:getPatient")
                .process(e -> {
                    Patient patient = e.getMessage().getBody(Patient.class);
                    summary(e).add("Patient:            %s %s (born %s)", patient.getForename(), patient.getSurname(),
                            patient.getDob());
                });

        from("direct:finance").routeId("aerona-finance")
                .removeHeaders("CamelAerona*")
                .setHeader(AeronaConstants.FROM_DATE, () -> LocalDate.now(practiceClock).minusMonths(1))
                .setHeader(AeronaConstants.TO_DATE, () -> LocalDate.now(practiceClock))
                .to("aerona:searchPayments")
                .process(e -> {
                    List<Payment> payments = list(e);
                    BigDecimal total = payments.stream().map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    summary(e).add("Payments, 1 month:  %d totalling %s", payments.size(), total);
                })
                .to("aerona:searchInvoices")
                .process(e -> {
                    List<Invoice> invoices = list(e);
                    BigDecimal total = invoices.stream()
                            .map(i -> i.getPrice().multiply(BigDecimal.valueOf(i.getQuantity())))
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    summary(e).add("Invoices, 1 month:  %d totalling %s", invoices.size(), total);
                });
    }

    private static DemoSummary summary(Exchange exchange) {
        return exchange.getProperty(SUMMARY, DemoSummary.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }
}
