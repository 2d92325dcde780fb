package io.github.camelaerona.examples.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.sandbox.AeronaSandbox;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project is under the Apache License 2.0: the licence and the notice at the root, the licence in the parent
 * pom (so every published pom inherits it), and both in the META-INF of the artifacts users take: the component's
 * and the sandbox's jars (or classes, when the build stops before packaging), as found on this module's classpath.
 */
class LicenceTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theRootHasTheApacheLicenceAndANotice() throws IOException {
        String licence = Files.readString(ROOT.resolve("LICENSE"));
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"));
        assertTrue(Files.readString(ROOT.resolve("NOTICE")).contains("camel-aerona"));
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        assertTrue(parent.contains("<name>Apache License, Version 2.0</name>"), "the parent pom names the licence");
        assertTrue(Files.readString(ROOT.resolve("README.md")).contains("Apache License 2.0"), "the README says so");
    }

    @Test
    void theComponentAndTheSandboxCarryTheLicenceAndTheNoticeInTheirMetaInf() throws IOException {
        String licence = Files.readString(ROOT.resolve("LICENSE"));
        for (Class<?> artifact : List.of(AeronaComponent.class, AeronaSandbox.class)) {
            String home = artifact.getProtectionDomain().getCodeSource().getLocation().toString();
            for (String file : List.of("META-INF/LICENSE", "META-INF/NOTICE")) {
                List<URL> found = new ArrayList<>(Collections.list(getClass().getClassLoader().getResources(file)));
                URL own = found.stream().filter(url -> url.toString().contains(home)).findFirst()
                        .orElseThrow(() -> new AssertionError(file + " is not in " + home + ": " + found));
                if (file.endsWith("LICENSE")) {
                    try (InputStream in = own.openStream()) {
                        assertEquals(licence, new String(in.readAllBytes(), StandardCharsets.UTF_8), own.toString());
                    }
                }
            }
        }
    }
}
