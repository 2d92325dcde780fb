package io.github.camelaerona.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An invoice line for a treatment or shop item, as getInvoice and searchInvoices return it. */
public class Invoice extends AeronaObject {

    private Long id;
    private Long patientId;
    @IsoDates.Date
    @SafeToLog
    private LocalDate date;
    @SafeToLog
    private Integer quantity;
    @IsoDates.DateTime
    private OffsetDateTime dateCompleted;
    @SafeToLog
    private BigDecimal price;
    @SafeToLog
    private String status;
    private String saleItem;
    private Long userId;
    private BigDecimal discount;
    private BigDecimal discountAmount;
    private BigDecimal refundAmount;
    private String refundNote;
    @IsoDates.DateTime
    private OffsetDateTime refundDate;
    private String refundMethod;
    private String patientCarePlan;
    private BigDecimal vatRate;
    private BigDecimal insurerFee;
    private String adjustmentType;
    private String adjustmentNote;
    private BigDecimal adjustmentAmount;
    @IsoDates.Date
    private LocalDate prechargeDate;
    private BigDecimal trackingFee;

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

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public OffsetDateTime getDateCompleted() {
        return dateCompleted;
    }

    public void setDateCompleted(OffsetDateTime dateCompleted) {
        this.dateCompleted = dateCompleted;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSaleItem() {
        return saleItem;
    }

    public void setSaleItem(String saleItem) {
        this.saleItem = saleItem;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public BigDecimal getDiscount() {
        return discount;
    }

    public void setDiscount(BigDecimal discount) {
        this.discount = discount;
    }

    public BigDecimal getDiscountAmount() {
        return discountAmount;
    }

    public void setDiscountAmount(BigDecimal discountAmount) {
        this.discountAmount = discountAmount;
    }

    public BigDecimal getRefundAmount() {
        return refundAmount;
    }

    public void setRefundAmount(BigDecimal refundAmount) {
        this.refundAmount = refundAmount;
    }

    public String getRefundNote() {
        return refundNote;
    }

    public void setRefundNote(String refundNote) {
        this.refundNote = refundNote;
    }

    public OffsetDateTime getRefundDate() {
        return refundDate;
    }

    public void setRefundDate(OffsetDateTime refundDate) {
        this.refundDate = refundDate;
    }

    public String getRefundMethod() {
        return refundMethod;
    }

    public void setRefundMethod(String refundMethod) {
        this.refundMethod = refundMethod;
    }

    public String getPatientCarePlan() {
        return patientCarePlan;
    }

    public void setPatientCarePlan(String patientCarePlan) {
        this.patientCarePlan = patientCarePlan;
    }

    public BigDecimal getVatRate() {
        return vatRate;
    }

    public void setVatRate(BigDecimal vatRate) {
        this.vatRate = vatRate;
    }

    public BigDecimal getInsurerFee() {
        return insurerFee;
    }

    public void setInsurerFee(BigDecimal insurerFee) {
        this.insurerFee = insurerFee;
    }

    public String getAdjustmentType() {
        return adjustmentType;
    }

    public void setAdjustmentType(String adjustmentType) {
        this.adjustmentType = adjustmentType;
    }

    public String getAdjustmentNote() {
        return adjustmentNote;
    }

    public void setAdjustmentNote(String adjustmentNote) {
        this.adjustmentNote = adjustmentNote;
    }

    public BigDecimal getAdjustmentAmount() {
        return adjustmentAmount;
    }

    public void setAdjustmentAmount(BigDecimal adjustmentAmount) {
        this.adjustmentAmount = adjustmentAmount;
    }

    public LocalDate getPrechargeDate() {
        return prechargeDate;
    }

    public void setPrechargeDate(LocalDate prechargeDate) {
        this.prechargeDate = prechargeDate;
    }

    public BigDecimal getTrackingFee() {
        return trackingFee;
    }

    public void setTrackingFee(BigDecimal trackingFee) {
        this.trackingFee = trackingFee;
    }
}
