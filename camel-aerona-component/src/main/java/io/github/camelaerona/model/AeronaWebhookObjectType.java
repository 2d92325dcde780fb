package io.github.camelaerona.model;

/** The objects Aerona sends webhooks for, and the model each event body is read into. */
public enum AeronaWebhookObjectType {

    Patient(Patient.class),
    Appointment(Appointment.class),
    Treatment(Treatment.class);

    private final Class<?> modelType;

    AeronaWebhookObjectType(Class<?> modelType) {
        this.modelType = modelType;
    }

    public Class<?> modelType() {
        return modelType;
    }
}
