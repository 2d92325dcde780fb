package io.github.camelaerona.internal.operation;

import java.util.Locale;

/**
 * The parameters of Aerona's operations. Each is a URI option of the same name and can be overridden per message
 * by the header {@code CamelAerona} + its name with the first letter upper-cased.
 */
public enum AeronaParameter {

    APPOINTMENT_ID("appointmentId", ValueRule.ID,
            "The appointment whose status updateAppointmentStatus changes."),
    APPOINTMENT_STATUS_ID("appointmentStatusId", ValueRule.APPOINTMENT_STATUS,
            "The new status for updateAppointmentStatus: 1 Unconfirmed, 2 Confirmed, 3 Arrived, 4 Failed to Attend, 5 Cancelled by Practice, 6 In Clinic, 7 Completed, 8 Online Booking Request, 9 Reminder Sent, 10 Scheduled, 11 Unscheduled, 12 Cancelled by Patient, 13 Deleted, 14 Late Cancellation, 16 Was Not Brought. Sent in the JSON request body."),
    APPOINTMENT_TYPE_ID("appointmentTypeId", ValueRule.ID,
            "The appointment type, for findAppointmentSlots (required) and getClinicians."),
    CLINICIAN_ID("clinicianId", ValueRule.ID,
            "The clinician whose free slots findAppointmentSlots returns; give this or clinicianTypeId, not both."),
    CLINICIAN_TYPE_ID("clinicianTypeId", ValueRule.CLINICIAN_TYPE,
            "The clinician type (1-16), for findAppointmentSlots (then practiceId is required) and getAppointmentTypes."),
    PRACTICE_ID("practiceId", ValueRule.ID,
            "The practice, for findAppointmentSlots, getAppointmentTypes and getClinicians."),
    PATIENT_ID("patientId", ValueRule.ID,
            "The patient, for getPatient (required), searchPayments and searchInvoices."),
    PAYMENT_ID("paymentId", ValueRule.ID,
            "The payment getPayment reads."),
    INVOICE_ID("invoiceId", ValueRule.ID,
            "The invoice getInvoice reads."),
    SEARCH_START("searchStart", ValueRule.DATE,
            "The first day findAppointmentSlots searches, yyyy-MM-dd."),
    FROM_DATE("fromDate", ValueRule.DATE,
            "The first day searchPayments and searchInvoices cover, yyyy-MM-dd. Aerona's default is the first day of the current month."),
    TO_DATE("toDate", ValueRule.DATE,
            "The last day searchPayments and searchInvoices cover, yyyy-MM-dd. Aerona's default is today."),
    TIME_OF_DAY("timeOfDay", ValueRule.TIME_OF_DAY,
            "For findAppointmentSlots: 0 any, 1 before 12pm, 2 between 12pm and 5pm, 3 after 5pm."),
    INCLUDE_DISABLED("includeDisabled", ValueRule.BOOLEAN,
            "For getAppointmentTypes: include disabled appointment types."),
    ONSITE_ONLY("onsiteOnly", ValueRule.BOOLEAN,
            "For getAppointmentTypes: onsite appointment types only."),
    REMOTE_ONLY("remoteOnly", ValueRule.BOOLEAN,
            "For getAppointmentTypes: remote appointment types only.");

    /** The start of every Aerona header name. */
    public static final String HEADER_PREFIX = "CamelAerona";

    private final String optionName;
    private final String headerName;
    private final ValueRule rule;
    private final String description;

    /**
     * @param description what the parameter is, for which operations: the one text of it. The URI option's setter
     *                    javadoc and the header's {@code @Metadata} (which Camel's generator reads as literals) say
     *                    the same; ParameterDeclarationsTest fails on any drift
     */
    AeronaParameter(String optionName, ValueRule rule, String description) {
        this.optionName = optionName;
        this.description = description;
        this.headerName = HEADER_PREFIX + optionName.substring(0, 1).toUpperCase(Locale.ROOT)
                + optionName.substring(1);
        this.rule = rule;
    }

    /** The name on the wire and of the URI option, such as {@code patientId}. */
    public String optionName() {
        return optionName;
    }

    /** The header that overrides the option per message, such as {@code CamelAeronaPatientId}. */
    public String headerName() {
        return headerName;
    }

    public ValueRule rule() {
        return rule;
    }

    /** What the parameter is, for which operations (the option's and the header's description). */
    public String description() {
        return description;
    }
}
