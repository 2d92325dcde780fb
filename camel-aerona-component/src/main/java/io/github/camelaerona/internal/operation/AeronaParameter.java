package io.github.camelaerona.internal.operation;

import java.util.Locale;

/**
 * The parameters of Aerona's operations. Each is a URI option of the same name and can be overridden per message
 * by the header {@code CamelAerona} + its name with the first letter upper-cased.
 */
public enum AeronaParameter {

    APPOINTMENT_ID("appointmentId", ValueRule.ID),
    APPOINTMENT_STATUS_ID("appointmentStatusId", ValueRule.APPOINTMENT_STATUS),
    APPOINTMENT_TYPE_ID("appointmentTypeId", ValueRule.ID),
    CLINICIAN_ID("clinicianId", ValueRule.ID),
    CLINICIAN_TYPE_ID("clinicianTypeId", ValueRule.CLINICIAN_TYPE),
    PRACTICE_ID("practiceId", ValueRule.ID),
    PATIENT_ID("patientId", ValueRule.ID),
    PAYMENT_ID("paymentId", ValueRule.ID),
    INVOICE_ID("invoiceId", ValueRule.ID),
    SEARCH_START("searchStart", ValueRule.DATE),
    FROM_DATE("fromDate", ValueRule.DATE),
    TO_DATE("toDate", ValueRule.DATE),
    TIME_OF_DAY("timeOfDay", ValueRule.TIME_OF_DAY),
    INCLUDE_DISABLED("includeDisabled", ValueRule.BOOLEAN),
    ONSITE_ONLY("onsiteOnly", ValueRule.BOOLEAN),
    REMOTE_ONLY("remoteOnly", ValueRule.BOOLEAN);

    /** The start of every Aerona header name. */
    public static final String HEADER_PREFIX = "CamelAerona";

    private final String optionName;
    private final String headerName;
    private final ValueRule rule;

    AeronaParameter(String optionName, ValueRule rule) {
        this.optionName = optionName;
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
}
