package io.github.camelaerona.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A payment, as getPayment and searchPayments return it. */
public class Payment extends AeronaObject {

    private Long id;
    private Long patientId;
    private Long practiceId;
    private String practiceName;
    @SafeToLog
    private String paymentType;
    @SafeToLog
    private String paymentMethod;
    @SafeToLog
    private BigDecimal amount;
    private BigDecimal cancellation;
    private BigDecimal refund;
    private Long refundReference;
    private String paymentNote;
    @IsoDates.DateTime
    @SafeToLog
    private OffsetDateTime paymentDate;
    private String cancellationNote;
    @IsoDates.DateTime
    private OffsetDateTime cancellationDate;
    private Boolean patientPlan;
    private Long patientCarePlanId;
    private Long createdUserId;
    @IsoDates.DateTime
    private OffsetDateTime dateModified;
    private String thirdPartyProviderName;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getPatientId() {
        return patientId;
    }

    public void setPatientId(Long patientId) {
        this.patientId = patientId;
    }

    public Long getPracticeId() {
        return practiceId;
    }

    public void setPracticeId(Long practiceId) {
        this.practiceId = practiceId;
    }

    public String getPracticeName() {
        return practiceName;
    }

    public void setPracticeName(String practiceName) {
        this.practiceName = practiceName;
    }

    public String getPaymentType() {
        return paymentType;
    }

    public void setPaymentType(String paymentType) {
        this.paymentType = paymentType;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public BigDecimal getCancellation() {
        return cancellation;
    }

    public void setCancellation(BigDecimal cancellation) {
        this.cancellation = cancellation;
    }

    public BigDecimal getRefund() {
        return refund;
    }

    public void setRefund(BigDecimal refund) {
        this.refund = refund;
    }

    public Long getRefundReference() {
        return refundReference;
    }

    public void setRefundReference(Long refundReference) {
        this.refundReference = refundReference;
    }

    public String getPaymentNote() {
        return paymentNote;
    }

    public void setPaymentNote(String paymentNote) {
        this.paymentNote = paymentNote;
    }

    public OffsetDateTime getPaymentDate() {
        return paymentDate;
    }

    public void setPaymentDate(OffsetDateTime paymentDate) {
        this.paymentDate = paymentDate;
    }

    public String getCancellationNote() {
        return cancellationNote;
    }

    public void setCancellationNote(String cancellationNote) {
        this.cancellationNote = cancellationNote;
    }

    public OffsetDateTime getCancellationDate() {
        return cancellationDate;
    }

    public void setCancellationDate(OffsetDateTime cancellationDate) {
        this.cancellationDate = cancellationDate;
    }

    public Boolean getPatientPlan() {
        return patientPlan;
    }

    public void setPatientPlan(Boolean patientPlan) {
        this.patientPlan = patientPlan;
    }

    public Long getPatientCarePlanId() {
        return patientCarePlanId;
    }

    public void setPatientCarePlanId(Long patientCarePlanId) {
        this.patientCarePlanId = patientCarePlanId;
    }

    public Long getCreatedUserId() {
        return createdUserId;
    }

    public void setCreatedUserId(Long createdUserId) {
        this.createdUserId = createdUserId;
    }

    public OffsetDateTime getDateModified() {
        return dateModified;
    }

    public void setDateModified(OffsetDateTime dateModified) {
        this.dateModified = dateModified;
    }

    public String getThirdPartyProviderName() {
        return thirdPartyProviderName;
    }

    public void setThirdPartyProviderName(String thirdPartyProviderName) {
        this.thirdPartyProviderName = thirdPartyProviderName;
    }
}
