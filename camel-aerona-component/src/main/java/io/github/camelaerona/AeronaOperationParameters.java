package io.github.camelaerona;

import java.util.EnumMap;
import java.util.Map;

import io.github.camelaerona.internal.operation.AeronaParameter;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The parameters of Aerona's operations as URI options of one endpoint ({@code aerona:getPatient?patientId=42}).
 * They belong to the endpoint only, never to the component: a per-call id is not a setting of an account. A header
 * of the same name ({@code CamelAeronaPatientId}) overrides one for a message. Each setter records the value under
 * its {@link AeronaParameter}, which declares its rule; the endpoint checks every value set here when it is
 * created, so a bad URI fails at startup.
 */
@UriParams
public class AeronaOperationParameters {

    private final Map<AeronaParameter, Object> values = new EnumMap<>(AeronaParameter.class);
    @UriParam(label = "producer")
    private Long appointmentId;
    @UriParam(label = "producer")
    private Integer appointmentStatusId;
    @UriParam(label = "producer")
    private Long appointmentTypeId;
    @UriParam(label = "producer")
    private Long clinicianId;
    @UriParam(label = "producer")
    private Integer clinicianTypeId;
    @UriParam(label = "producer")
    private Long practiceId;
    @UriParam(label = "producer")
    private Long patientId;
    @UriParam(label = "producer")
    private Long paymentId;
    @UriParam(label = "producer")
    private Long invoiceId;
    @UriParam(label = "producer")
    private String searchStart;
    @UriParam(label = "producer")
    private String fromDate;
    @UriParam(label = "producer")
    private String toDate;
    @UriParam(label = "producer")
    private Integer timeOfDay;
    @UriParam(label = "producer")
    private Boolean includeDisabled;
    @UriParam(label = "producer")
    private Boolean onsiteOnly;
    @UriParam(label = "producer")
    private Boolean remoteOnly;

    /** The value set for a parameter, or null. */
    Object value(AeronaParameter parameter) {
        return values.get(parameter);
    }

    /** Every parameter set, with its value as written. */
    Map<AeronaParameter, Object> values() {
        return Map.copyOf(values);
    }

    private void set(AeronaParameter parameter, Object value) {
        if (value == null) {
            values.remove(parameter);
        } else {
            values.put(parameter, value);
        }
    }

    public Long getAppointmentId() {
        return appointmentId;
    }

    /**
     * The appointment whose status updateAppointmentStatus changes.
     */
    public void setAppointmentId(Long appointmentId) {
        this.appointmentId = appointmentId;
        set(AeronaParameter.APPOINTMENT_ID, appointmentId);
    }

    public Integer getAppointmentStatusId() {
        return appointmentStatusId;
    }

    /**
     * The new status for updateAppointmentStatus: 1 Unconfirmed, 2 Confirmed, 3 Arrived, 4 Failed to Attend, 5 Cancelled by Practice, 6 In Clinic, 7 Completed, 8 Online Booking Request, 9 Reminder Sent, 10 Scheduled, 11 Unscheduled, 12 Cancelled by Patient, 13 Deleted, 14 Late Cancellation, 16 Was Not Brought. Sent in the JSON request body.
     */
    public void setAppointmentStatusId(Integer appointmentStatusId) {
        this.appointmentStatusId = appointmentStatusId;
        set(AeronaParameter.APPOINTMENT_STATUS_ID, appointmentStatusId);
    }

    public Long getAppointmentTypeId() {
        return appointmentTypeId;
    }

    /**
     * The appointment type, for findAppointmentSlots (required) and getClinicians.
     */
    public void setAppointmentTypeId(Long appointmentTypeId) {
        this.appointmentTypeId = appointmentTypeId;
        set(AeronaParameter.APPOINTMENT_TYPE_ID, appointmentTypeId);
    }

    public Long getClinicianId() {
        return clinicianId;
    }

    /**
     * The clinician whose free slots findAppointmentSlots returns; give this or clinicianTypeId, not both.
     */
    public void setClinicianId(Long clinicianId) {
        this.clinicianId = clinicianId;
        set(AeronaParameter.CLINICIAN_ID, clinicianId);
    }

    public Integer getClinicianTypeId() {
        return clinicianTypeId;
    }

    /**
     * The clinician type (1-16), for findAppointmentSlots (then practiceId is required) and getAppointmentTypes.
     */
    public void setClinicianTypeId(Integer clinicianTypeId) {
        this.clinicianTypeId = clinicianTypeId;
        set(AeronaParameter.CLINICIAN_TYPE_ID, clinicianTypeId);
    }

    public Long getPracticeId() {
        return practiceId;
    }

    /**
     * The practice, for findAppointmentSlots, getAppointmentTypes and getClinicians.
     */
    public void setPracticeId(Long practiceId) {
        this.practiceId = practiceId;
        set(AeronaParameter.PRACTICE_ID, practiceId);
    }

    public Long getPatientId() {
        return patientId;
    }

    /**
     * The patient, for getPatient (required), searchPayments and searchInvoices.
     */
    public void setPatientId(Long patientId) {
        this.patientId = patientId;
        set(AeronaParameter.PATIENT_ID, patientId);
    }

    public Long getPaymentId() {
        return paymentId;
    }

    /**
     * The payment getPayment reads.
     */
    public void setPaymentId(Long paymentId) {
        this.paymentId = paymentId;
        set(AeronaParameter.PAYMENT_ID, paymentId);
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    /**
     * The invoice getInvoice reads.
     */
    public void setInvoiceId(Long invoiceId) {
        this.invoiceId = invoiceId;
        set(AeronaParameter.INVOICE_ID, invoiceId);
    }

    public String getSearchStart() {
        return searchStart;
    }

    /**
     * The first day findAppointmentSlots searches, yyyy-MM-dd.
     */
    public void setSearchStart(String searchStart) {
        this.searchStart = searchStart;
        set(AeronaParameter.SEARCH_START, searchStart);
    }

    public String getFromDate() {
        return fromDate;
    }

    /**
     * The first day searchPayments and searchInvoices cover, yyyy-MM-dd. Aerona's default is the first day of the current month.
     */
    public void setFromDate(String fromDate) {
        this.fromDate = fromDate;
        set(AeronaParameter.FROM_DATE, fromDate);
    }

    public String getToDate() {
        return toDate;
    }

    /**
     * The last day searchPayments and searchInvoices cover, yyyy-MM-dd. Aerona's default is today.
     */
    public void setToDate(String toDate) {
        this.toDate = toDate;
        set(AeronaParameter.TO_DATE, toDate);
    }

    public Integer getTimeOfDay() {
        return timeOfDay;
    }

    /**
     * For findAppointmentSlots: 0 any, 1 before 12pm, 2 between 12pm and 5pm, 3 after 5pm.
     */
    public void setTimeOfDay(Integer timeOfDay) {
        this.timeOfDay = timeOfDay;
        set(AeronaParameter.TIME_OF_DAY, timeOfDay);
    }

    public Boolean getIncludeDisabled() {
        return includeDisabled;
    }

    /**
     * For getAppointmentTypes: include disabled appointment types.
     */
    public void setIncludeDisabled(Boolean includeDisabled) {
        this.includeDisabled = includeDisabled;
        set(AeronaParameter.INCLUDE_DISABLED, includeDisabled);
    }

    public Boolean getOnsiteOnly() {
        return onsiteOnly;
    }

    /**
     * For getAppointmentTypes: onsite appointment types only.
     */
    public void setOnsiteOnly(Boolean onsiteOnly) {
        this.onsiteOnly = onsiteOnly;
        set(AeronaParameter.ONSITE_ONLY, onsiteOnly);
    }

    public Boolean getRemoteOnly() {
        return remoteOnly;
    }

    /**
     * For getAppointmentTypes: remote appointment types only.
     */
    public void setRemoteOnly(Boolean remoteOnly) {
        this.remoteOnly = remoteOnly;
        set(AeronaParameter.REMOTE_ONLY, remoteOnly);
    }
}
