package io.github.camelaerona.operation;

import io.github.camelaerona.model.AppointmentSlot;
import io.github.camelaerona.model.AppointmentType;
import io.github.camelaerona.model.Clinician;
import io.github.camelaerona.model.Invoice;
import io.github.camelaerona.model.Patient;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.model.Practice;

import static io.github.camelaerona.operation.AeronaParameter.APPOINTMENT_ID;
import static io.github.camelaerona.operation.AeronaParameter.APPOINTMENT_STATUS_ID;
import static io.github.camelaerona.operation.AeronaParameter.APPOINTMENT_TYPE_ID;
import static io.github.camelaerona.operation.AeronaParameter.CLINICIAN_ID;
import static io.github.camelaerona.operation.AeronaParameter.CLINICIAN_TYPE_ID;
import static io.github.camelaerona.operation.AeronaParameter.FROM_DATE;
import static io.github.camelaerona.operation.AeronaParameter.INCLUDE_DISABLED;
import static io.github.camelaerona.operation.AeronaParameter.INVOICE_ID;
import static io.github.camelaerona.operation.AeronaParameter.ONSITE_ONLY;
import static io.github.camelaerona.operation.AeronaParameter.PATIENT_ID;
import static io.github.camelaerona.operation.AeronaParameter.PAYMENT_ID;
import static io.github.camelaerona.operation.AeronaParameter.PRACTICE_ID;
import static io.github.camelaerona.operation.AeronaParameter.REMOTE_ONLY;
import static io.github.camelaerona.operation.AeronaParameter.SEARCH_START;
import static io.github.camelaerona.operation.AeronaParameter.TIME_OF_DAY;
import static io.github.camelaerona.operation.AeronaParameter.TO_DATE;
import static io.github.camelaerona.operation.OperationSpec.get;
import static io.github.camelaerona.operation.OperationSpec.post;
import static io.github.camelaerona.operation.OperationSpec.put;

/**
 * Every Aerona operation, each declared once: the producer, the consumers, the validation, the header names and
 * the docs table all come from these declarations. The constant names are the operation names of the URI
 * ({@code aerona:getPayment}). A new operation is one constant here; a new parameter is one constant in
 * {@link AeronaParameter}, its URI option in {@code AeronaOperationParameters} and its header in
 * {@code AeronaConstants}.
 */
public enum AeronaOperation {

    createAppointment(post("/appointments").inferredPath()
            .bodyField("practiceId", ValueRule.ID, true)
            .bodyField("userId", ValueRule.ID, true)
            .bodyField("appointmentTypeId", ValueRule.ID, true)
            .bodyField("appointmentStatusId", ValueRule.APPOINTMENT_STATUS, true)
            .bodyField("appointmentTime", ValueRule.DATE_TIME, true)
            .bodyField("duration", ValueRule.DURATION, true)
            .bodyField("patientId", ValueRule.ID, true)
            .bodyField("emergency", ValueRule.BOOLEAN, false)
            .bodyField("appointmentNotes", ValueRule.TEXT, false)
            .returns(Long.class)),

    updateAppointmentStatus(put("/appointments/{appointmentId}/status").inferredPath()
            .path(APPOINTMENT_ID)
            .bodyParameter(APPOINTMENT_STATUS_ID)
            .returns(Boolean.class)
            .refusedWhenAnswered("false")),

    findAppointmentSlots(get("/find-appointment-slots")
            .query(CLINICIAN_ID, CLINICIAN_TYPE_ID, PRACTICE_ID)
            .requiredQuery(APPOINTMENT_TYPE_ID, SEARCH_START, TIME_OF_DAY)
            .exactlyOneOf(CLINICIAN_ID, CLINICIAN_TYPE_ID)
            .requiredWith(PRACTICE_ID, CLINICIAN_TYPE_ID)
            .returnsListOf(AppointmentSlot.class)),

    getAppointmentTypes(get("/appointment-types")
            .query(PRACTICE_ID, CLINICIAN_TYPE_ID, INCLUDE_DISABLED, ONSITE_ONLY, REMOTE_ONLY)
            .returnsListOf(AppointmentType.class)),

    getPayment(get("/payments/{paymentId}")
            .path(PAYMENT_ID)
            .returns(Payment.class)),

    searchPayments(get("/payments/search")
            .query(PATIENT_ID, FROM_DATE, TO_DATE)
            .notBefore(TO_DATE, FROM_DATE)
            .returnsListOf(Payment.class)
            .searchesBy("paymentDate")),

    getInvoice(get("/invoices/{invoiceId}")
            .path(INVOICE_ID)
            .returns(Invoice.class)),

    searchInvoices(get("/invoices/search")
            .query(PATIENT_ID, FROM_DATE, TO_DATE)
            .notBefore(TO_DATE, FROM_DATE)
            .returnsListOf(Invoice.class)
            .searchesBy("date")),

    getClinicians(get("/clinicians")
            .query(PRACTICE_ID, APPOINTMENT_TYPE_ID)
            .returnsListOf(Clinician.class)),

    getPatient(get("/patients/{patientId}")
            .path(PATIENT_ID)
            .returns(Patient.class)),

    getPractices(get("/practices").inferredPath()
            .returnsListOf(Practice.class)),

    /** Receives Aerona's webhooks; consumer only. */
    webhook(OperationSpec.webhook());

    private final OperationSpec spec;

    AeronaOperation(OperationSpec spec) {
        this.spec = spec;
    }

    public OperationSpec spec() {
        return spec;
    }
}
