package io.github.camelaerona.api;

/**
 * A webhook event that is JSON but does not read into its model (a date in another form, text where a number
 * belongs). The message names the object type, the event's id and the field, never the field's value or the rest of
 * the event, which may be a patient's personal data; the event itself is {@link #getEventJson()}.
 */
public class AeronaUnreadableEventException extends AeronaException {

    private final String objectType;
    private final String field;
    private final String eventJson;

    /** Without Jackson's exception as cause: its message quotes the value that did not read. */
    public AeronaUnreadableEventException(String objectType, String eventId, String field, String eventJson) {
        super(objectType + " event " + eventId + " cannot be read: its field " + field + " is not in a form the model"
              + " takes. It is handed to the route's error handling (the event's JSON is the exception's eventJson);"
              + " until an error handler takes it, Aerona is answered 500 and sends it again.");
        this.objectType = objectType;
        this.field = field;
        this.eventJson = eventJson;
    }

    /** Patient, Appointment or Treatment. */
    public String getObjectType() {
        return objectType;
    }

    /** The field that did not read, or {@code ?} when Jackson could not say. */
    public String getField() {
        return field;
    }

    /** The event as Aerona sent it. */
    public String getEventJson() {
        return eventJson;
    }
}
