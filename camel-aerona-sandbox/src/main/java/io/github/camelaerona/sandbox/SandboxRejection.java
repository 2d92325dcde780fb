package io.github.camelaerona.sandbox;

/** A request the sandbox refuses, with the status and message it answers. */
final class SandboxRejection extends RuntimeException {

    private final int status;

    SandboxRejection(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
