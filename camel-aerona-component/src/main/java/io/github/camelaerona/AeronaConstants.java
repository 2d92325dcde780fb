package io.github.camelaerona;

import org.apache.camel.spi.Metadata;

/**
 * The headers of the Aerona component. Every parameter header overrides the URI option of the same name for
 * one message ({@code CamelAeronaPatientId} overrides {@code patientId}); they accept numbers, strings and
 * {@code java.time} values.
 */
public final class AeronaConstants {

    /** Not a header: the start of every header name of this component. */
    public static final String HEADER_PREFIX = "CamelAerona";

    @Metadata(description = "The operation to call for this message, overriding the endpoint's.",
              javaType = "io.github.camelaerona.api.AeronaOperation", label = "producer")
    public static final String OPERATION = "CamelAeronaOperation";
    @Metadata(description = "The priority of this message's call for the rate budget (interactive, normal or background),"
                            + " overriding the endpoint's priority.",
              javaType = "String", label = "producer")
    public static final String PRIORITY = "CamelAeronaPriority";
    @Metadata(description = "The name of the account this message's call is made for, overriding the endpoint's"
                            + " account option; the component's accountResolver gives its credentials. Only the name:"
                            + " credentials never travel in headers. A poller that polls named accounts sets it on"
                            + " each record's exchange.",
              javaType = "String")
    public static final String ACCOUNT = "CamelAeronaAccount";
    @Metadata(description = "The HTTP status code of Aerona's reply.", javaType = "Integer", label = "producer")
    public static final String RESPONSE_CODE = "CamelAeronaResponseCode";
    @Metadata(description = "The account's free slots in its rate budget once the call had taken its own, as the"
                            + " budget counted when it granted the slot (-1 when a rateLimiter bean does not say).",
              javaType = "Integer", label = "producer")
    public static final String BUDGET_REMAINING = "CamelAeronaBudgetRemaining";
    @Metadata(description = "How long the call waited for a slot of the rate budget, in milliseconds (0: none was"
                            + " needed). After a 401 and a fresh login, the wait of the repeated request.",
              javaType = "Long", label = "producer")
    public static final String BUDGET_WAITED = "CamelAeronaBudgetWaited";
    @Metadata(description = "Set to true to ask Aerona for reference data (getPractices, getClinicians,"
                            + " getAppointmentTypes) even when a kept reply is younger than referenceDataTtl; the new"
                            + " reply is kept.",
              javaType = "Boolean", label = "producer")
    public static final String REFRESH = "CamelAeronaRefresh";
    @Metadata(description = "On the reply of getPractices, getClinicians or getAppointmentTypes: true when it is a"
                            + " reply kept for referenceDataTtl (no request was sent), false when Aerona was asked.",
              javaType = "Boolean", label = "producer")
    public static final String FROM_CACHE = "CamelAeronaFromCache";
    @Metadata(description = "With CamelAeronaFromCache: how old the reply is, in milliseconds (0 when Aerona was just"
                            + " asked).",
              javaType = "Long", label = "producer")
    public static final String CACHE_AGE = "CamelAeronaCacheAge";
    @Metadata(description = "On the reply of a read: true when the call shared the request of an identical read in"
                            + " flight on the account (coalesceReads), false when it sent its own.",
              javaType = "Boolean", label = "producer")
    public static final String COALESCED = "CamelAeronaCoalesced";
    @Metadata(description = "The id of the record a polling consumer emitted.", javaType = "Long", label = "consumer")
    public static final String RECORD_ID = "CamelAeronaRecordId";
    @Metadata(description = "The object type of a webhook event, as configured (Patient, Appointment or Treatment).",
              javaType = "String", label = "consumer")
    public static final String WEBHOOK_OBJECT_TYPE = "CamelAeronaWebhookObjectType";

    @Metadata(description = "The appointment whose status updateAppointmentStatus changes.", javaType = "Long", label = "producer")
    public static final String APPOINTMENT_ID = "CamelAeronaAppointmentId";
    @Metadata(description = "The new status for updateAppointmentStatus: 1 Unconfirmed, 2 Confirmed, 3 Arrived, 4 Failed to Attend, 5 Cancelled by Practice, 6 In Clinic, 7 Completed, 8 Online Booking Request, 9 Reminder Sent, 10 Scheduled, 11 Unscheduled, 12 Cancelled by Patient, 13 Deleted, 14 Late Cancellation, 16 Was Not Brought. Sent in the JSON request body.", javaType = "Integer", label = "producer")
    public static final String APPOINTMENT_STATUS_ID = "CamelAeronaAppointmentStatusId";
    @Metadata(description = "The appointment type, for findAppointmentSlots (required) and getClinicians.", javaType = "Long", label = "producer")
    public static final String APPOINTMENT_TYPE_ID = "CamelAeronaAppointmentTypeId";
    @Metadata(description = "The clinician whose free slots findAppointmentSlots returns; give this or clinicianTypeId, not both.", javaType = "Long", label = "producer")
    public static final String CLINICIAN_ID = "CamelAeronaClinicianId";
    @Metadata(description = "The clinician type (1-16), for findAppointmentSlots (then practiceId is required) and getAppointmentTypes.", javaType = "Integer", label = "producer")
    public static final String CLINICIAN_TYPE_ID = "CamelAeronaClinicianTypeId";
    @Metadata(description = "The practice, for findAppointmentSlots, getAppointmentTypes and getClinicians.", javaType = "Long", label = "producer")
    public static final String PRACTICE_ID = "CamelAeronaPracticeId";
    @Metadata(description = "The patient, for getPatient (required), searchPayments and searchInvoices.", javaType = "Long", label = "producer")
    public static final String PATIENT_ID = "CamelAeronaPatientId";
    @Metadata(description = "The payment getPayment reads.", javaType = "Long", label = "producer")
    public static final String PAYMENT_ID = "CamelAeronaPaymentId";
    @Metadata(description = "The invoice getInvoice reads.", javaType = "Long", label = "producer")
    public static final String INVOICE_ID = "CamelAeronaInvoiceId";
    @Metadata(description = "The first day findAppointmentSlots searches, yyyy-MM-dd. A header may also be a java.time value.", javaType = "java.time.LocalDate", label = "producer")
    public static final String SEARCH_START = "CamelAeronaSearchStart";
    @Metadata(description = "The first day searchPayments and searchInvoices cover, yyyy-MM-dd. Aerona's default is the first day of the current month. A header may also be a java.time value; on a polling consumer's exchanges, the first day of the window polled.", javaType = "java.time.LocalDate", label = "common")
    public static final String FROM_DATE = "CamelAeronaFromDate";
    @Metadata(description = "The last day searchPayments and searchInvoices cover, yyyy-MM-dd. Aerona's default is today. A header may also be a java.time value; on a polling consumer's exchanges, the last day of the window polled.", javaType = "java.time.LocalDate", label = "common")
    public static final String TO_DATE = "CamelAeronaToDate";
    @Metadata(description = "For findAppointmentSlots: 0 any, 1 before 12pm, 2 between 12pm and 5pm, 3 after 5pm.", javaType = "Integer", label = "producer")
    public static final String TIME_OF_DAY = "CamelAeronaTimeOfDay";
    @Metadata(description = "For getAppointmentTypes: include disabled appointment types.", javaType = "Boolean", label = "producer")
    public static final String INCLUDE_DISABLED = "CamelAeronaIncludeDisabled";
    @Metadata(description = "For getAppointmentTypes: onsite appointment types only.", javaType = "Boolean", label = "producer")
    public static final String ONSITE_ONLY = "CamelAeronaOnsiteOnly";
    @Metadata(description = "For getAppointmentTypes: remote appointment types only.", javaType = "Boolean", label = "producer")
    public static final String REMOTE_ONLY = "CamelAeronaRemoteOnly";

    private AeronaConstants() {
    }
}
