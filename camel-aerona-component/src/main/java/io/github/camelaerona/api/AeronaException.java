package io.github.camelaerona.api;

import org.apache.camel.RuntimeCamelException;

/** The root of the failures the Aerona component reports once a call has started. */
public class AeronaException extends RuntimeCamelException {

    public AeronaException(String message) {
        super(message);
    }

    public AeronaException(String message, Throwable cause) {
        super(message, cause);
    }
}
