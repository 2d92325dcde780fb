package io.github.camelaerona;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers of the component import one way only, downward: root (component, endpoint, producer) over consumer
 * over operation over account over transport; api and model at the bottom. The model knows nothing of Camel.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/camelaerona");
    /** Higher imports lower; equal ranks do not import each other. */
    private static final Map<String, Integer> RANK = Map.of(
            "", 6, "consumer", 5, "operation", 4, "account", 3, "transport", 2, "api", 1, "model", 1);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.github\\.camelaerona\\.(?:(\\w+)\\.)?[A-Z]",
            Pattern.MULTILINE);

    @Test
    void importsRunDownwardOnly() throws IOException {
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String layer = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                assertTrue(RANK.containsKey(layer), "a package outside the layers: " + file);
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = m.group(1) == null ? "" : m.group(1);
                    if (!imported.equals(layer) && RANK.get(imported) >= RANK.get(layer)) {
                        upward.add(file.getFileName() + " (" + (layer.isEmpty() ? "root" : layer) + ") imports "
                                + (imported.isEmpty() ? "root" : imported));
                    }
                }
            }
        }
        assertEquals(List.of(), upward);
    }

    @Test
    void theModelKnowsNothingOfCamel() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve("model"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                assertTrue(!text.contains("import org.apache.camel") && !text.contains("import io.github.camelaerona."),
                        file + " must depend on Jackson and the JDK only");
            }
        }
    }
}
