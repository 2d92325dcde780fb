package io.github.camelaerona.model;

import java.time.OffsetDateTime;

/** A free appointment slot. Field names are inferred: the API page shows no sample. */
public class AppointmentSlot extends AeronaObject {

    private Long clinicianId;
    private String clinicianName;
    private Long practiceId;
    private Long appointmentTypeId;
    @IsoDates.DateTime
    @SafeToLog
    private OffsetDateTime startTime;
    @IsoDates.DateTime
    @SafeToLog
    private OffsetDateTime endTime;
    @SafeToLog
    private Integer duration;

    public Long getClinicianId() {
        return clinicianId;
    }

    public void setClinicianId(Long clinicianId) {
        this.clinicianId = clinicianId;
    }

    public String getClinicianName() {
        return clinicianName;
    }

    public void setClinicianName(String clinicianName) {
        this.clinicianName = clinicianName;
    }

    public Long getPracticeId() {
        return practiceId;
    }

    public void setPracticeId(Long practiceId) {
        this.practiceId = practiceId;
    }

    public Long getAppointmentTypeId() {
        return appointmentTypeId;
    }

    public void setAppointmentTypeId(Long appointmentTypeId) {
        this.appointmentTypeId = appointmentTypeId;
    }

    public OffsetDateTime getStartTime() {
        return startTime;
    }

    public void setStartTime(OffsetDateTime startTime) {
        this.startTime = startTime;
    }

    public OffsetDateTime getEndTime() {
        return endTime;
    }

    public void setEndTime(OffsetDateTime endTime) {
        this.endTime = endTime;
    }

    public Integer getDuration() {
        return duration;
    }

    public void setDuration(Integer duration) {
        this.duration = duration;
    }
}
