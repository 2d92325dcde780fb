package io.github.camelaerona.model;

/** A clinician (user) who can be booked. Field names are inferred: the API page shows no sample. */
public class Clinician extends AeronaObject {

    private Long id;
    private String forename;
    private String surname;
    private Integer clinicianTypeId;
    private java.util.List<Long> practiceIds;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getForename() {
        return forename;
    }

    public void setForename(String forename) {
        this.forename = forename;
    }

    public String getSurname() {
        return surname;
    }

    public void setSurname(String surname) {
        this.surname = surname;
    }

    public Integer getClinicianTypeId() {
        return clinicianTypeId;
    }

    public void setClinicianTypeId(Integer clinicianTypeId) {
        this.clinicianTypeId = clinicianTypeId;
    }

    public java.util.List<Long> getPracticeIds() {
        return practiceIds;
    }

    public void setPracticeIds(java.util.List<Long> practiceIds) {
        this.practiceIds = practiceIds;
    }
}
