package io.github.camelaerona.internal.operation;

import java.util.EnumMap;
import java.util.Map;

import io.github.camelaerona.api.AeronaOperation;
import io.github.camelaerona.model.AppointmentSlot;
import io.github.camelaerona.model.AppointmentType;
import io.github.camelaerona.model.Clinician;
import io.github.camelaerona.model.Invoice;
import io.github.camelaerona.model.Patient;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.model.Practice;

import static io.github.camelaerona.internal.operation.AeronaParameter.APPOINTMENT_ID;
import static io.github.camelaerona.internal.operation.AeronaParameter.APPOINTMENT_STATUS_ID;
import static io.github.camelaerona.internal.operation.AeronaParameter.APPOINTMENT_TYPE_ID;
import static io.github.camelaerona.internal.operation.AeronaParameter.CLINICIAN_ID;
import static io.github.camelaerona.internal.operation.AeronaParameter.CLINICIAN_TYPE_ID;
import static io.github.camelaerona.internal.operation.AeronaParameter.FROM_DATE;
import static io.github.camelaerona.internal.operation.AeronaParameter.INCLUDE_DISABLED;
import static io.github.camelaerona.internal.operation.AeronaParameter.INVOICE_ID;
import static io.github.camelaerona.internal.operation.AeronaParameter.ONSITE_ONLY;
import static io.github.camelaerona.internal.operation.AeronaParameter.PATIENT_ID;
import static io.github.camelaerona.internal.operation.AeronaParameter.PAYMENT_ID;
import static io.github.camelaerona.internal.operation.AeronaParameter.PRACTICE_ID;
import static io.github.camelaerona.internal.operation.AeronaParameter.REMOTE_ONLY;
import static io.github.camelaerona.internal.operation.AeronaParameter.SEARCH_START;
import static io.github.camelaerona.internal.operation.AeronaParameter.TIME_OF_DAY;
import static io.github.camelaerona.internal.operation.AeronaParameter.TO_DATE;
import static io.github.camelaerona.internal.operation.OperationSpec.get;
import static io.github.camelaerona.internal.operation.OperationSpec.post;
import static io.github.camelaerona.internal.operation.OperationSpec.put;
import static io.github.camelaerona.internal.operation.OperationSpec.webhook;

/**
 * What each Aerona operation is on the wire, declared once: the producer, the consumers, the validation, the header
 * names and the docs table all come from these declarations. The switch has no default, so a constant added to
 * {@link AeronaOperation} does not compile until it is declared here. A new parameter is one constant in
 * {@link AeronaParameter}, its URI option in {@code AeronaOperationParameters} and its header in
 * {@code AeronaConstants}.
 */
public final class OperationSpecs {

    private static final Map<AeronaOperation, OperationSpec> SPECS = new EnumMap<>(AeronaOperation.class);

    static {
        for (AeronaOperation operation : AeronaOperation.values()) {
            SPECS.put(operation, declare(operation));
        }
    }

    private OperationSpecs() {
    }

    /** The declaration of an operation. */
    public static OperationSpec of(AeronaOperation operation) {
        return SPECS.get(operation);
    }

    private static OperationSpec declare(AeronaOperation operation) {
        return switch (operation) {
            case createAppointment -> post("/appointments").inferredPath()
                    .bodyField("practiceId", ValueRule.ID, true)
                    .bodyField("userId", ValueRule.ID, true)
                    .bodyField("appointmentTypeId", ValueRule.ID, true)
                    .bodyField("appointmentStatusId", ValueRule.APPOINTMENT_STATUS, true)
                    .bodyField("appointmentTime", ValueRule.DATE_TIME, true)
                    .bodyField("duration", ValueRule.DURATION, true)
                    .bodyField("patientId", ValueRule.ID, true)
                    .bodyField("emergency", ValueRule.BOOLEAN, false)
                    .bodyField("appointmentNotes", ValueRule.TEXT, false)
                    .returns(Long.class);
            case updateAppointmentStatus -> put("/appointments/{appointmentId}/status").inferredPath()
                    .path(APPOINTMENT_ID)
                    .bodyParameter(APPOINTMENT_STATUS_ID)
                    .returns(Boolean.class)
                    .refusedWhenAnswered("false");
            case findAppointmentSlots -> get("/find-appointment-slots")
                    .query(CLINICIAN_ID, CLINICIAN_TYPE_ID, PRACTICE_ID)
                    .requiredQuery(APPOINTMENT_TYPE_ID, SEARCH_START, TIME_OF_DAY)
                    .exactlyOneOf(CLINICIAN_ID, CLINICIAN_TYPE_ID)
                    .requiredWith(PRACTICE_ID, CLINICIAN_TYPE_ID)
                    .returnsListOf(AppointmentSlot.class);
            case getAppointmentTypes -> get("/appointment-types")
                    .query(PRACTICE_ID, CLINICIAN_TYPE_ID, INCLUDE_DISABLED, ONSITE_ONLY, REMOTE_ONLY)
                    .referenceData()
                    .returnsListOf(AppointmentType.class);
            case getPayment -> get("/payments/{paymentId}")
                    .path(PAYMENT_ID)
                    .returns(Payment.class);
            case searchPayments -> get("/payments/search")
                    .query(PATIENT_ID, FROM_DATE, TO_DATE)
                    .notBefore(TO_DATE, FROM_DATE)
                    .returnsListOf(Payment.class)
                    .searchesBy("paymentDate");
            case getInvoice -> get("/invoices/{invoiceId}")
                    .path(INVOICE_ID)
                    .returns(Invoice.class);
            case searchInvoices -> get("/invoices/search")
                    .query(PATIENT_ID, FROM_DATE, TO_DATE)
                    .notBefore(TO_DATE, FROM_DATE)
                    .returnsListOf(Invoice.class)
                    .searchesBy("date");
            case getClinicians -> get("/clinicians")
                    .query(PRACTICE_ID, APPOINTMENT_TYPE_ID)
                    .referenceData()
                    .returnsListOf(Clinician.class);
            case getPatient -> get("/patients/{patientId}")
                    .path(PATIENT_ID)
                    .returns(Patient.class);
            case getPractices -> get("/practices").inferredPath()
                    .referenceData()
                    .returnsListOf(Practice.class);
            case webhook -> webhook();
        };
    }
}
