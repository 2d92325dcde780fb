package io.github.camelaerona;

import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.Patient;
import io.github.camelaerona.model.Treatment;

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

    /** The path a webhook endpoint of this type listens on unless {@code webhookPath} is set. */
    public String defaultPath() {
        return "/aerona/" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
