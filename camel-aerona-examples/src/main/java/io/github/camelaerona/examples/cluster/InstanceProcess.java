package io.github.camelaerona.examples.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClusterInstance} in a JVM process of its own (same Java, same classpath as this JVM), its output in a
 * log file. {@link #kill()} is kill -9: no shutdown hook, no graceful stop, locks and connections dropped by the OS.
 */
public final class InstanceProcess {

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Process process;

    private InstanceProcess(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /**
     * @param properties system properties of the instance (they show in the process list: no secrets)
     * @param environment environment variables of the instance (for secrets)
     */
    static InstanceProcess start(String name, int httpPort, Map<String, String> properties,
            Map<String, String> environment, Path workDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classpath());
        command.add(ClusterInstance.class.getName());
        Path log = workDir.resolve(name + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("LD_PRELOAD"); // instances read the time from their pinned clock
            builder.environment().putAll(environment);
            return new InstanceProcess(name, httpPort, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start instance " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the instance's webhook route answers (405 to a GET: the route runs, so the context started);
     * fails with its log if the process died or took too long. An open port alone is not enough: the HTTP server
     * starts before the routes, and a route that fails to start stops the instance after the port opened.
     */
    void awaitStarted(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!webhookRouteAnswers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Instance " + name + " did not start:\n" + logText());
            }
            pause();
        }
    }

    private boolean webhookRouteAnswers() {
        try {
            java.net.HttpURLConnection get = (java.net.HttpURLConnection) java.net.URI.create(
                    "http://127.0.0.1:" + httpPort + "/aerona/appointment").toURL().openConnection();
            get.setConnectTimeout(1000);
            get.setReadTimeout(5000);
            int status = get.getResponseCode();
            get.disconnect();
            return status == 405;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** kill -9. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** A graceful stop (SIGTERM: camel-main shuts down), kill -9 if it takes too long. */
    public void stop() {
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(20))) {
            kill();
        }
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** This JVM's classpath: the class loader's URLs where it has them (exec:java), else java.class.path. */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        while (loader != null) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (Exception e) {
                        entries.add(url.getPath());
                    }
                }
            }
            loader = loader.getParent();
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    static void pause() {
        try {
            Thread.sleep(100); // polling a process's log or a table; nothing notifies us
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", port " + httpPort + ")";
    }
}
