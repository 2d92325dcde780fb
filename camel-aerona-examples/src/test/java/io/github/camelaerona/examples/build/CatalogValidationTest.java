package io.github.camelaerona.examples.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelaerona.AeronaComponent;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code aerona:} URI of the project (routes, YAML, Kamelets, docs, tests) is valid for Camel's own catalog
 * given the component's {@code aerona.json}, as IDE plugins and Camel JBang check it: options it knows, values of
 * their types, and on a {@code from} only options a consumer takes.
 */
class CatalogValidationTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern URI = Pattern.compile("(?<![\\w.-])aerona:([a-zA-Z]+)(\\?[^\"'\\s)`<>,}\\\\]*)?");

    @Test
    void everyAeronaUriOfTheProjectIsValidForCamelsCatalog() throws IOException {
        CamelCatalog catalog = new DefaultCamelCatalog();
        try (InputStream json = AeronaComponent.class.getResourceAsStream("/META-INF/io/github/camelaerona/aerona.json")) {
            catalog.addComponent("aerona", AeronaComponent.class.getName(),
                    new String(json.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<String> invalid = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(CatalogValidationTest::isSource).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher uri = URI.matcher(lines.get(i));
                    while (uri.find()) {
                        String text = uri.group().replace("&amp;", "&");
                        if (text.endsWith("=") || text.endsWith("&") || text.endsWith("?") || text.contains("{{")
                                || text.contains("${") || text.matches(".*%[sd0-9].*") || uri.group(1).equals("operation")) {
                            continue; // built in code or a placeholder: the value is not in the text
                        }
                        String before = lines.get(i).substring(0, uri.start());
                        boolean consumer = uri.group(1).equals("webhook") || before.matches(".*\\bfrom\\(\\s*\"?") || before.matches(".*\\bfrom:\\s*\"?")
                                || before.matches(".*<from uri=\"?") || before.matches("\\s*uri:\\s*\"?") && i > 0
                                        && lines.get(i - 1).strip().equals("from:");
                        EndpointValidationResult result = catalog.validateEndpointProperties(text, true, consumer,
                                !consumer);
                        checked++;
                        if (!result.isSuccess()) {
                            invalid.add(ROOT.relativize(file) + ":" + (i + 1) + " " + text + (consumer ? " (from)" : "")
                                    + ": " + result.summaryErrorMessage(false));
                        }
                    }
                }
            }
        }
        assertTrue(checked > 50, "the project's URIs were found: " + checked);
        assertEquals(List.of(), invalid, String.join("\n", invalid));
    }

    /**
     * What users read and run: the docs, the main code of every module (examples, Kamelets, benchmarks) and the
     * route files the docs show. Tests of the component are left out: some give invalid URIs on purpose.
     */
    private static boolean isSource(Path file) {
        String path = ROOT.relativize(file).toString();
        boolean userFacing = path.startsWith("docs/") || path.equals("README.md") || path.contains("/src/main/")
                || path.startsWith("camel-aerona-examples/src/test/resources/docs/")
                || path.startsWith("camel-aerona-examples/src/test/java/io/github/camelaerona/examples/docs/");
        return userFacing && Files.isRegularFile(file) && !path.contains("/target/") && !path.contains("/src/generated/")
                && (path.endsWith(".java") || path.endsWith(".yaml") || path.endsWith(".md")
                        || path.endsWith(".properties") || path.endsWith(".xml"));
    }
}
