package io.github.camelaerona.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every Aerona Kamelet follows the conventions of Apache Camel's Kamelet catalog: the metadata annotations, a typed
 * and described property for everything, secrets marked as passwords and credentials, media types, and the
 * component among the dependencies.
 */
class KameletCatalogTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** As the build packages them, version filled in. */
    private static final Path KAMELETS = Path.of("target/classes/kamelets");
    private static final Set<String> EXPECTED = Set.of("aerona-payments-source", "aerona-invoices-source",
            "aerona-patient-webhook-source", "aerona-appointment-webhook-source", "aerona-treatment-webhook-source",
            "aerona-find-appointment-slots-action", "aerona-get-patient-action", "aerona-get-clinicians-action",
            "aerona-get-appointment-types-action", "aerona-create-appointment-sink", "aerona-update-appointment-status-sink");
    private static final Set<String> SECRETS = Set.of("password", "webhookSecret");

    @Test
    void everyKameletFollowsTheCatalogsConventions() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(KAMELETS)) {
            for (Path file : files.sorted().toList()) {
                JsonNode k = YAML.readTree(file.toFile());
                String name = k.at("/metadata/name").asText();
                names.add(name);
                check(file.getFileName().toString().equals(name + ".kamelet.yaml"), name, "file name", problems);
                check(k.at("/kind").asText().equals("Kamelet") && k.at("/apiVersion").asText().equals("camel.apache.org/v1"),
                        name, "kind and apiVersion", problems);
                JsonNode annotations = k.at("/metadata/annotations");
                for (String a : List.of("camel.apache.org/kamelet.support.level", "camel.apache.org/catalog.version",
                        "camel.apache.org/provider", "camel.apache.org/kamelet.group", "camel.apache.org/kamelet.icon")) {
                    check(!annotations.path(a).asText().isBlank() && !annotations.path(a).asText().contains("@"), name, a, problems);
                }
                check(annotations.path("camel.apache.org/kamelet.icon").asText().startsWith("data:image/svg+xml;base64,"),
                        name, "icon", problems);
                String type = k.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText();
                check(Set.of("source", "action", "sink").contains(type) && name.endsWith("-" + type), name, "type label", problems);
                JsonNode definition = k.at("/spec/definition");
                check(!definition.path("title").asText().isBlank() && !definition.path("description").asText().isBlank(),
                        name, "title and description", problems);
                check(definition.path("required").isArray() && definition.path("type").asText().equals("object"),
                        name, "required list and object type", problems);
                for (JsonNode required : definition.path("required")) {
                    check(definition.path("properties").has(required.asText()), name, "required " + required, problems);
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = definition.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> p = it.next();
                    JsonNode property = p.getValue();
                    String where = name + "." + p.getKey();
                    check(!property.path("title").asText().isBlank(), where, "title", problems);
                    check(!property.path("description").asText().isBlank(), where, "description", problems);
                    check(Set.of("string", "integer", "boolean").contains(property.path("type").asText()), where, "type", problems);
                    check(k.at("/spec/template").toString().contains("{{" + p.getKey() + "}}")
                            || k.at("/spec/template").toString().contains("{{?" + p.getKey() + "}}"), where, "used by the template", problems);
                    if (SECRETS.contains(p.getKey())) {
                        check(property.path("format").asText().equals("password"), where, "format: password", problems);
                    }
                    if (SECRETS.contains(p.getKey()) || p.getKey().equals("username")) {
                        check(property.path("x-descriptors").toString().contains("urn:camel:group:credentials"), where,
                                "x-descriptors credentials", problems);
                    }
                }
                JsonNode types = k.at("/spec/types");
                check(type.equals("source") || type.equals("action") ? types.at("/out/mediaType").asText().equals("application/json")
                        : types.at("/in/mediaType").asText().equals("application/json"), name, "media types", problems);
                check(k.at("/spec/dependencies").toString().contains("mvn:io.github.camelaerona:camel-aerona:"),
                        name, "the component among the dependencies", problems);
                String from = k.at("/spec/template/from/uri").asText();
                check(type.equals("source") ? from.startsWith("aerona:") : from.equals("kamelet:source"), name, "template start", problems);
                check(k.at("/spec/template").toString().contains(type.equals("source") ? "kamelet:sink" : "aerona:"),
                        name, "template end", problems);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(EXPECTED, Set.copyOf(names));
    }

    @Test
    void thePipesOfTheDocsNameRealKameletsAndTheirProperties() throws IOException {
        String docs = Files.readString(Path.of("../docs/kamelets.md"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```yaml\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(docs);
        List<String> problems = new ArrayList<>();
        Set<String> documented = new java.util.HashSet<>();
        while (block.find()) {
            JsonNode pipe = YAML.readTree(block.group(1));
            check(pipe.path("kind").asText().equals("Pipe"), block.group(1), "a Pipe", problems);
            for (JsonNode part : List.of(pipe.at("/spec/source"), pipe.at("/spec/sink"))) {
                checkRef(part, problems, documented);
            }
            for (JsonNode step : pipe.at("/spec/steps")) {
                checkRef(step, problems, documented);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(EXPECTED, documented, "a Pipe for each Kamelet");
    }

    private static void checkRef(JsonNode part, List<String> problems, Set<String> documented) throws IOException {
        if (!part.has("ref")) {
            return;
        }
        String name = part.at("/ref/name").asText();
        Path file = KAMELETS.resolve(name + ".kamelet.yaml");
        if (!Files.exists(file)) {
            problems.add("no Kamelet " + name);
            return;
        }
        documented.add(name);
        JsonNode properties = YAML.readTree(file.toFile()).at("/spec/definition/properties");
        part.path("properties").fieldNames().forEachRemaining(p -> check(properties.has(p), name, "no property " + p, problems));
    }

    private static void check(boolean ok, String where, String rule, List<String> problems) {
        if (!ok) {
            problems.add(where + ": " + rule);
        }
    }
}
