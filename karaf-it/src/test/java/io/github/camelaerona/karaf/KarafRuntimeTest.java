package io.github.camelaerona.karaf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.github.camelaerona.karaf.check.RouteActivator;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Apache Karaf (the minimal distribution from Maven Central) starts, installs the camel-aerona feature and a
 * bundle whose route calls aerona:getPractices against the sandbox in this JVM. Camel's own Karaf bundles are not
 * on Maven Central, so the feature resolves against the build's stand-in Camel features (the plain Camel jars
 * wrapped as bundles) plus camel-karaf's camel-core-osgi, the OSGi-aware CamelContext, which is.
 */
class KarafRuntimeTest {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("karaf.home"));
    private static final Path WORK = Path.of("target/karaf-check").toAbsolutePath();
    /** A fresh copy of the distribution for each run: Karaf keeps state in data/ and the test edits etc/. */
    private static final Path HOME = WORK.resolve("karaf");
    private AeronaSandbox sandbox;
    private Process karaf;

    @AfterEach
    void stop() throws Exception {
        if (karaf != null) {
            // bin/karaf runs Karaf's JVM as its child: stop that first
            List<ProcessHandle> jvms = karaf.descendants().toList();
            jvms.forEach(ProcessHandle::destroy);
            karaf.destroy();
            for (ProcessHandle jvm : jvms) {
                jvm.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            karaf.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theFeatureInstallsAndAnAeronaRouteRunsInKaraf() throws Exception {
        sandbox = AeronaSandbox.start();
        freshKaraf();
        Path out = WORK.resolve("practices.txt");
        Files.deleteIfExists(out);
        Path bundle = checkBundle();
        Path features = WORK.resolve("check-features.xml");
        Files.writeString(features, """
                <?xml version="1.0" encoding="UTF-8"?>
                <features name="aerona-runtime-check" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <repository>%s</repository>
                  <!-- camel-core-osgi finds Camel's components and languages in the bundles started before the route's -->
                  <feature name="aerona-runtime-check" version="1.0.0">
                    <feature>camel-aerona</feature>
                    <bundle start-level="70">wrap:mvn:org.apache.camel.karaf/camel-core-osgi/%s$overwrite=merge&amp;Import-Package=org.apache.camel*;version="[4.14,5)",*;resolution:=optional</bundle>
                    <bundle>wrap:mvn:org.apache.camel/camel-timer/%s$Bundle-SymbolicName=check.camel-timer&amp;Bundle-Version=%s&amp;Export-Package=*;version="%s"&amp;Import-Package=*;resolution:=optional</bundle>
                    <bundle start-level="90">%s</bundle>
                  </feature>
                </features>
                """.formatted(Path.of(System.getProperty("karaf.features")).toUri(), System.getProperty("camel.karaf.osgi.version"),
                System.getProperty("camel.version"), System.getProperty("camel.version"), System.getProperty("camel.version"),
                bundle.toUri()));
        configureKaraf(features, out);

        ProcessBuilder start = new ProcessBuilder(HOME.resolve("bin/karaf").toString(), "server")
                .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(WORK.resolve("karaf.out").toFile());
        start.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // Karaf's JVM never finishes booting under libfaketime (its start-level thread stalls), so when the build runs
        // under it (.ci/clock-matrix) the container keeps the real clock; nothing in this test depends on the date
        start.environment().keySet().removeIf(name -> name.startsWith("FAKETIME"));
        start.environment().computeIfPresent("LD_PRELOAD", (name, value) -> value.contains("faketime") ? null : value);
        karaf = start.start();

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Files.exists(out) || !karaf.isAlive());
        assertTrue(Files.exists(out), () -> "the route did not run; see " + HOME.resolve("data/log/karaf.log"));
        assertEquals("3 io.github.camelaerona.model.Practice", Files.readString(out));
        List<RecordedRequest> requests = sandbox.requests();
        assertEquals(List.of("POST /login", "GET /practices"), requests.stream().map(r -> r.method() + " " + r.path()).toList());
        assertTrue(requests.stream().allMatch(r -> r.status() == 200));
    }

    /** Boots the check feature after Karaf's own (wrap: needs the wrap feature), resolving from the build's repository. */
    private void configureKaraf(Path features, Path out) throws IOException {
        Path cfg = HOME.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(cfg);
        int boot = text.indexOf("featuresBoot = \\");
        int async = text.indexOf("featuresBootAsynchronous");
        String kv = "4.4.8";
        text = text.substring(0, boot) + "featuresBoot = \\\n    (framework/" + kv + ", feature/" + kv + ", shell/" + kv
                + ", log/" + kv + ", jaas/" + kv + ", bundle/" + kv + ", config/" + kv + ", wrap), \\\n"
                + "    (aerona-runtime-check)\n\n" + text.substring(async);
        text = text.replace("mvn:org.apache.karaf.features/framework/" + kv + "/xml/features",
                "mvn:org.apache.karaf.features/framework/" + kv + "/xml/features, \\\n    " + features.toUri());
        Files.writeString(cfg, text);
        Files.writeString(HOME.resolve("etc/org.ops4j.pax.url.mvn.cfg"),
                "\norg.ops4j.pax.url.mvn.localRepository=" + System.getProperty("maven.local.repository") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(HOME.resolve("etc/system.properties"), "\naerona.check.base-url=" + sandbox.baseUrl()
                + "\naerona.check.out=" + out + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    private static void freshKaraf() throws IOException {
        if (Files.exists(WORK)) {
            try (var old = Files.walk(WORK)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (var files = Files.walk(DISTRIBUTION)) {
            // never data/: it is the state of a container that ran before
            for (Path from : files.filter(f -> !DISTRIBUTION.relativize(f).startsWith("data")).toList()) {
                Path to = HOME.resolve(DISTRIBUTION.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** The route's bundle, from this module's compiled test classes. */
    private static Path checkBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "io.github.camelaerona.karaf.check");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", RouteActivator.class.getName());
        a.putValue("Import-Package", "org.apache.camel,org.apache.camel.builder,org.apache.camel.model,"
                + "org.apache.camel.karaf.core,org.osgi.framework");
        a.putValue("DynamicImport-Package", "*");
        Path jar = WORK.resolve("aerona-check.jar");
        String dir = RouteActivator.class.getPackageName().replace('.', '/');
        Path classes = Path.of("target/test-classes").resolve(dir);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             var files = Files.list(classes)) {
            for (Path c : files.toList()) {
                out.putNextEntry(new JarEntry(dir + "/" + c.getFileName()));
                try (OutputStream o = new java.io.FilterOutputStream(out) {
                    @Override
                    public void close() {
                        // keep the jar open
                    }
                }) {
                    Files.copy(c, o);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
