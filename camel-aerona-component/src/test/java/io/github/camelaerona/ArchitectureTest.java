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
 * The layers of the component import one way only, downward: the classes Camel loads by name (dev console, type converters) over root (component, endpoint,
 * producer) over consumer over operation over account over transport; api and model below them, and the internal
 * utilities at the bottom. The model knows nothing of Camel.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/camelaerona");
    /** Higher imports lower; equal ranks do not import each other. */
    private static final Map<String, Integer> RANK = Map.of(
            "internal.camel", 7, "", 6, "internal.consumer", 5, "internal.metrics", 5, "internal.operation", 4, "internal.account", 3,
            "internal.transport", 2, "api", 1, "model", 1, "internal", 0);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.github\\.camelaerona\\.(?:([a-z.]+)\\.)?[A-Z]",
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

    /** The classes docs/architecture.md names (its layer map and "Where things go") are where it says. */
    @Test
    void theArchitecturePageNamesClassesThatExistWhereItSays() throws IOException {
        String page = Files.readString(Path.of("../docs/architecture.md"));
        Matcher named = Pattern.compile("`((?:internal/|api/|model/)?(?:[a-z]+/)*)([A-Z]\\w+)`").matcher(page);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        while (named.find()) {
            String dir = named.group(1);
            String name = named.group(2);
            if (name.startsWith("Camel") || name.endsWith("Test") || name.equals("PublicApiTest")) {
                continue; // headers, tests
            }
            boolean found;
            try (Stream<Path> files = Files.walk(SOURCES.resolve(dir))) {
                found = files.anyMatch(f -> f.getFileName().toString().equals(name + ".java")
                        && (dir.isEmpty() || f.getParent().equals(SOURCES.resolve(dir).normalize())
                            || f.getParent().equals(SOURCES.resolve(dir))));
            } catch (java.nio.file.NoSuchFileException e) {
                found = false;
            }
            checked++;
            if (!found) {
                missing.add(dir + name);
            }
        }
        assertTrue(checked > 20, "the page names the classes: " + checked);
        assertEquals(List.of(), missing);
    }

    /** Every class the layer map of docs/architecture.md names, outside backticks too, is a class of the component. */
    @Test
    void theLayerMapNamesOnlyClassesThatExist() throws IOException {
        String page = Files.readString(Path.of("../docs/architecture.md"));
        int start = page.indexOf("```", page.indexOf("The layers call downward only"));
        String map = page.substring(start + 3, page.indexOf("```", start + 3));
        Matcher named = Pattern.compile("\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\\b").matcher(map);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        while (named.find()) {
            String name = named.group();
            if (name.equals("HttpClient") || name.equals("PostgreSQL")) {
                continue; // the library and the database, not classes of ours
            }
            checked++;
            try (Stream<Path> files = Files.walk(SOURCES)) {
                if (files.noneMatch(f -> f.getFileName().toString().equals(name + ".java"))) {
                    missing.add(name);
                }
            }
        }
        assertTrue(checked > 25, "the map names the classes: " + checked);
        assertEquals(List.of(), missing, "named in the layer map of docs/architecture.md but not in the component");
    }

    /**
     * Public with no user in another package of the main code, and why: Camel instantiates the first three by name
     * (service files, generated loaders); tests of the root package build the two budgets directly and use the
     * webhook handler's header names.
     */
    private static final Map<String, String> PUBLIC_WITHOUT_A_USER = Map.of(
            "internal/camel/AeronaDevConsole", "Camel's dev console registry creates it from META-INF/services",
            "internal/camel/AeronaOptionConverters", "the generated AeronaOptionConvertersLoader calls it",
            "internal/camel/AeronaSpanDecorator", "camel-tracing's ServiceLoader creates it",
            "internal/account/JdbcRateLimiter", "route tests build one to stand in for another instance's budget",
            "internal/account/SlidingWindowRateLimiter", "route tests build one to stand in for another JVM's budget",
            "internal/consumer/AeronaWebhookHandler", "webhook tests send its secret header by its constant");

    /**
     * A type under internal/ is public only where it must be: a class of another package of the component (or of
     * another module) uses it, or Camel loads it by name ({@link #PUBLIC_WITHOUT_A_USER}). The bundle exports no internal
     * package, but a plain classpath has no wall: what need not be public is package-private.
     */
    @Test
    void internalTypesArePublicOnlyWhereAnotherPackageNeedsThem() throws IOException {
        Path internal = SOURCES.resolve("internal");
        List<Path> everyMainSource;
        try (Stream<Path> files = Files.walk(Path.of(".."), 12)) {
            everyMainSource = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/")).toList();
        }
        List<String> needlesslyPublic = new ArrayList<>();
        int publicTypes = 0;
        try (Stream<Path> files = Files.walk(internal)) {
            for (Path type : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(type);
                if (!Pattern.compile("(?m)^public ").matcher(text).find()) {
                    continue;
                }
                publicTypes++;
                String name = type.getFileName().toString().replace(".java", "");
                String where = SOURCES.relativize(type).toString().replace(".java", "");
                if (PUBLIC_WITHOUT_A_USER.containsKey(where)) {
                    continue;
                }
                Pattern word = Pattern.compile("\\b" + name + "\\b");
                boolean usedElsewhere = false;
                for (Path other : everyMainSource) {
                    if (!other.getParent().toAbsolutePath().normalize().equals(type.getParent().toAbsolutePath().normalize())
                            && word.matcher(Files.readString(other)).find()) {
                        usedElsewhere = true;
                        break;
                    }
                }
                if (!usedElsewhere) {
                    needlesslyPublic.add(where);
                }
            }
        }
        assertTrue(publicTypes > 10, "the check saw the internal types: " + publicTypes);
        assertEquals(List.of(), needlesslyPublic, "public, but no other package uses them: make them package-private");
    }
}
