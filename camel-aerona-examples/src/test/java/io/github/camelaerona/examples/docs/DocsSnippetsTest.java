package io.github.camelaerona.examples.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Java, YAML, XML and properties block of README.md and docs/*.md is code the build compiles and runs, so the
 * docs cannot drift from it. The line before a block says where it comes from:
 * <ul>
 * <li>{@code <!-- snippet: path#tag -->}: the block is, line for line, the region between {@code tag::tag[]} and
 * {@code end::tag[]} in that file (a test or example the build compiles and runs), indentation aside;</li>
 * <li>{@code <!-- excerpt: path -->}: every line of the block is a line of that file, in the same order, with lines
 * left out between them (a part of a larger YAML file the build runs);</li>
 * <li>{@code <!-- checked: path -->}: a test that reads this page and checks the block against the code itself
 * (the Kamelet Pipes);</li>
 * </ul>
 * and a {@code <dependency>} block must name a module of this project at its version. A properties block must be an
 * excerpt of a file that a test boots as written ({@link #BOOTED_PROPERTIES}: DocumentedPropertiesTest for
 * camel-main, the starter's tests for Spring Boot, KameletPipesTest for the Kamelets' settings, AeronaDevServiceTest
 * for Camel Quarkus). Run with
 * {@code -Daerona.docs.update=true} to copy the regions into the pages.
 */
class DocsSnippetsTest {

    private static final Path ROOT = Path.of("..");
    // a block may be indented (inside a list item); its marker then carries the same indentation
    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^( *)(?:<!-- (snippet|excerpt|checked): (\\S+?) -->\\n\\1)?```(java|yaml|xml|properties)\\n(.*?)^\\1```",
            Pattern.DOTALL);
    /**
     * Where the properties files live that tests boot or read as written: camel-main's, Spring Boot's, the Kamelets'
     * settings, and the many-clinics example's accounts file (ManyClinicsTest reads it with the example's resolver).
     */
    static final List<String> BOOTED_PROPERTIES = List.of("camel-aerona-component/src/test/resources/docs/camel-main/",
            "camel-aerona-spring-boot-starter/src/test/resources/docs/", "camel-aerona-kamelets/src/test/resources/docs/",
            "camel-aerona-examples/src/test/resources/clinics/",
            "camel-aerona-quarkus/integration-test/src/main/resources/", "compatibility/spring-boot-4/src/test/resources/docs/");

    @Test
    void everyCodeBlockOfTheDocsComesFromCodeTheBuildRuns() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        boolean update = Boolean.getBoolean("aerona.docs.update");
        for (Path page : pages()) {
            String text = Files.readString(page);
            StringBuilder updated = new StringBuilder();
            int copied = 0;
            Matcher block = BLOCK.matcher(text);
            while (block.find()) {
                checked++;
                String where = ROOT.relativize(page) + ":" + line(text, block.start(4));
                String code = dedent(block.group(5), block.group(1).length());
                String kind = block.group(2);
                String source = block.group(3);
                String language = block.group(4);
                if ("properties".equals(language)) {
                    // camel-main refuses unknown keys at startup, so a booted file is a checked one
                    if (!"excerpt".equals(kind) || BOOTED_PROPERTIES.stream().noneMatch(source::startsWith)) {
                        problems.add(where + ": a properties block needs <!-- excerpt: file --> naming a file under one of "
                                + BOOTED_PROPERTIES + " (the tests there boot each file as written)");
                    } else {
                        excerpt(ROOT.resolve(source), code, where, problems);
                    }
                } else if ("snippet".equals(kind)) {
                    String[] sourceAndTag = source.split("#", 2);
                    String region = region(ROOT.resolve(sourceAndTag[0]), sourceAndTag.length > 1 ? sourceAndTag[1] : "",
                            where, problems);
                    if (region != null && !region.equals(code) && update && block.group(1).isEmpty()) {
                        updated.append(text, copied, block.start(5)).append(region);
                        copied = block.end(5);
                    } else if (region != null && !region.equals(code)) {
                        problems.add(where + " differs from " + source + ":\n--- docs\n" + code + "--- code\n" + region);
                    }
                } else if ("excerpt".equals(kind)) {
                    excerpt(ROOT.resolve(source), code, where, problems);
                } else if ("checked".equals(kind)) {
                    Path test = ROOT.resolve(source);
                    if (!Files.exists(test) || !Files.readString(test).contains(page.getFileName().toString())) {
                        problems.add(where + ": " + source + " does not exist or does not read " + page.getFileName());
                    }
                } else if (code.startsWith("<dependency>")) {
                    dependency(code, where, problems);
                } else {
                    problems.add(where + ": a " + language + " block without <!-- snippet: path#tag --> before it");
                }
            }
            if (copied > 0) {
                Files.writeString(page, updated.append(text.substring(copied)).toString());
            }
        }
        assertEquals(List.of(), problems, String.join("\n\n", problems));
        assertTrue(checked > 30, "found the blocks: " + checked);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The lines between tag::name[] and end::name[], without the indentation they share. */
    static String region(Path file, String tag, String where, List<String> problems) throws IOException {
        if (!Files.exists(file)) {
            problems.add(where + ": no file " + file);
            return null;
        }
        List<String> lines = Files.readAllLines(file);
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + tag + "[]")) {
                from = i;
            } else if (lines.get(i).contains("end::" + tag + "[]")) {
                to = i;
            }
        }
        if (from < 0 || to < from) {
            problems.add(where + ": " + file + " has no region tag::" + tag + "[] ... end::" + tag + "[]");
            return null;
        }
        List<String> region = lines.subList(from + 1, to);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String l : region) {
            text.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return text.toString();
    }

    private static void excerpt(Path file, String code, String where, List<String> problems) throws IOException {
        if (!Files.exists(file)) {
            problems.add(where + ": no file " + file);
            return;
        }
        List<String> lines = Files.readAllLines(file);
        int at = 0;
        for (String line : code.split("\n")) {
            while (at < lines.size() && !lines.get(at).stripTrailing().equals(line.stripTrailing())) {
                at++;
            }
            if (at == lines.size()) {
                problems.add(where + ": the line '" + line + "' is not in " + file + " (in this order)");
                return;
            }
            at++;
        }
    }

    private static void dependency(String code, String where, List<String> problems) throws IOException {
        Matcher artifact = Pattern.compile("<artifactId>(.*?)</artifactId>").matcher(code);
        Matcher version = Pattern.compile("<version>(.*?)</version>").matcher(code);
        if (!artifact.find() || !version.find() || !code.contains("<groupId>io.github.camelaerona</groupId>")) {
            problems.add(where + ": a dependency block that names no module of this project");
            return;
        }
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        if (!parent.contains("<version>" + version.group(1) + "</version>")) {
            problems.add(where + ": version " + version.group(1) + " is not the project's");
        }
        // modules sit one or two levels down (camel-aerona-quarkus/runtime)
        try (Stream<Path> poms = Files.find(ROOT, 3, (path, attributes) -> path.endsWith("pom.xml")
                && !path.toString().contains("target"))) {
            boolean found = poms.anyMatch(pom -> {
                try {
                    return Files.readString(pom).contains("<artifactId>" + artifact.group(1) + "</artifactId>\n  <");
                } catch (IOException e) {
                    return false;
                }
            });
            if (!found) {
                problems.add(where + ": no module has the artifactId " + artifact.group(1));
            }
        }
    }

    private static String dedent(String code, int indent) {
        if (indent == 0) {
            return code;
        }
        StringBuilder text = new StringBuilder();
        for (String l : code.split("\n", -1)) {
            text.append(l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.stripLeading()).append('\n');
        }
        return text.substring(0, text.length() - 1);
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
