package io.github.camelaerona.model;

import java.math.BigDecimal;

/** An appointment type. Field names are inferred: the API page shows no sample. */
public class AppointmentType extends AeronaObject {

    private Long id;
    @SafeToLog
    private String name;
    @SafeToLog
    private Integer duration;
    private Integer clinicianTypeId;
    @SafeToLog
    private BigDecimal price;
    private Boolean onsite;
    private Boolean remote;
    @SafeToLog
    private Boolean disabled;
    private java.util.List<Long> practiceIds;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getDuration() {
        return duration;
    }

    public void setDuration(Integer duration) {
        this.duration = duration;
    }

    public Integer getClinicianTypeId() {
        return clinicianTypeId;
    }

    public void setClinicianTypeId(Integer clinicianTypeId) {
        this.clinicianTypeId = clinicianTypeId;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public Boolean getOnsite() {
        return onsite;
    }

    public void setOnsite(Boolean onsite) {
        this.onsite = onsite;
    }

    public Boolean getRemote() {
        return remote;
    }

    public void setRemote(Boolean remote) {
        this.remote = remote;
    }

    public Boolean getDisabled() {
        return disabled;
    }

    public void setDisabled(Boolean disabled) {
        this.disabled = disabled;
    }

    public java.util.List<Long> getPracticeIds() {
        return practiceIds;
    }

    public void setPracticeIds(java.util.List<Long> practiceIds) {
        this.practiceIds = practiceIds;
    }
}
