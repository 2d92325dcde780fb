package io.github.camelaerona.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A treatment, as Aerona's Treatment webhooks carry it. The API page does not describe treatments: every field
 * name here is inferred, and whatever else arrives is kept in {@link #getAdditionalProperties()}.
 */
public class Treatment extends AeronaObject {

    private Long id;
    private Long patientId;
    private Long practiceId;
    private Long userId;
    private String treatmentName;
    @SafeToLog
    private String status;
    @SafeToLog
    private BigDecimal price;
    @IsoDates.Date
    @SafeToLog
    private LocalDate date;

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

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getTreatmentName() {
        return treatmentName;
    }

    public void setTreatmentName(String treatmentName) {
        this.treatmentName = treatmentName;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }
}
