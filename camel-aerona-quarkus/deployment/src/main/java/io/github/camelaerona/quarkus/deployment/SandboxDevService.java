package io.github.camelaerona.quarkus.deployment;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.quarkus.deployment.builditem.Startable;

/**
 * The embedded Aerona sandbox as a Quarkus Dev Service. It runs in the JVM of {@code quarkus:dev} or the tests, not
 * in a container, so it starts in well under a second and needs no Docker.
 */
final class SandboxDevService implements Startable {

    private final int port;
    private final String username;
    private final String password;
    private volatile AeronaSandbox sandbox;

    SandboxDevService(int port, String username, String password) {
        this.port = port;
        this.username = username;
        this.password = password;
    }

    @Override
    public void start() {
        sandbox = AeronaSandbox.builder().port(port).user(username, password).start();
    }

    String baseUrl() {
        return sandbox.baseUrl();
    }

    String adminUrl() {
        return sandbox.adminUrl();
    }

    @Override
    public String getConnectionInfo() {
        return sandbox == null ? "not started" : sandbox.baseUrl() + " (admin API " + sandbox.adminUrl() + ")";
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
