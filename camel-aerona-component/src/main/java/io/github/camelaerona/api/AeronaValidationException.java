package io.github.camelaerona.api;

/**
 * Input that breaks one of the Aerona API's rules, found before any request was sent. It names the operation
 * and the field.
 */
public class AeronaValidationException extends IllegalArgumentException {

    private final String operation;
    private final String field;

    public AeronaValidationException(String operation, String field, String problem) {
        super("Invalid input for Aerona operation " + operation + ": " + field + " " + problem);
        this.operation = operation;
        this.field = field;
    }

    public String getOperation() {
        return operation;
    }

    public String getField() {
        return field;
    }
}
