package io.github.camelaerona;

import io.github.camelaerona.internal.operation.OperationSpecs;

import io.github.camelaerona.model.AeronaJson;
import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.AppointmentSlot;
import io.github.camelaerona.model.AppointmentType;
import io.github.camelaerona.model.Clinician;
import io.github.camelaerona.model.Invoice;
import io.github.camelaerona.model.Patient;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.model.Practice;
import io.github.camelaerona.model.Treatment;
import io.github.camelaerona.api.AeronaOperation;
import io.github.camelaerona.internal.operation.OperationSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tables of docs/aerona-component.md come from the code: the operations table from {@link OperationSpecs},
 * the options and headers tables from the metadata Camel's tooling generated. This test fails when the page is out
 * of date; run it with {@code -Daerona.docs.update=true} to rewrite the tables.
 */
class DocsTablesTest {

    private static final Path PAGE = Path.of("..", "docs", "aerona-component.md");

    @Test
    void componentPageTablesMatchTheCode() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelaerona/aerona.json")) {
            metadata = AeronaJson.mapper().readTree(in);
        }
        Map<String, String> tables = Map.of(
                "operations", operationsTable(),
                "component-options", optionsTable(metadata.get("componentProperties")),
                "endpoint-options", optionsTable(metadata.get("properties")),
                "headers", headersTable(metadata.get("headers")),
                "models", modelsTables());
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String updated = page;
        for (Map.Entry<String, String> table : tables.entrySet()) {
            updated = replaceBetweenMarkers(updated, table.getKey(), table.getValue());
        }
        if (Boolean.getBoolean("aerona.docs.update")) {
            Files.writeString(PAGE, updated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(updated, page, "docs/aerona-component.md is out of date: run this test with -Daerona.docs.update=true");
    }

    static String operationsTable() {
        StringBuilder t = new StringBuilder("| operation | HTTP | path under baseUrl | parameters (`*` required) | body in | body out |\n")
                .append("|---|---|---|---|---|---|\n");
        for (AeronaOperation op : AeronaOperation.values()) {
            OperationSpec spec = OperationSpecs.of(op);
            if (spec.kind() == OperationSpec.Kind.WEBHOOK) {
                t.append("| ").append(op.name()).append(" | (consumer only) | | | | |\n");
                continue;
            }
            String params = spec.parameters().stream()
                    .map(p -> "`" + p.parameter().optionName() + "`" + (p.required() ? "*" : "")
                            + (p.location() == OperationSpec.Location.BODY ? " (in body)" : ""))
                    .collect(Collectors.joining(", "));
            if (!spec.ruleDescriptions().isEmpty()) {
                params += (params.isEmpty() ? "" : "; ") + String.join("; ", spec.ruleDescriptions());
            }
            String bodyIn = spec.takesBodyObject()
                    ? "`Appointment`, Map or JSON: " + spec.bodyFields().stream()
                            .map(f -> "`" + f.name() + "`" + (f.required() ? "*" : "")).collect(Collectors.joining(", "))
                    : spec.hasBodyParameters() ? "optional Map/JSON with " + spec.parameters().stream()
                            .filter(p -> p.location() == OperationSpec.Location.BODY)
                            .map(p -> "`" + p.parameter().optionName() + "`").collect(Collectors.joining(", ")) : "-";
            String out = spec.isResultList() ? "`List<" + spec.resultClass().getSimpleName() + ">`"
                    : "`" + spec.resultClass().getSimpleName() + "`";
            t.append("| ").append(op.name())
                    .append(" | ").append(spec.method())
                    .append(" | `").append(spec.pathTemplate()).append('`').append(spec.isInferredPath() ? " (inferred)" : "")
                    .append(" | ").append(params.isEmpty() ? "-" : params)
                    .append(" | ").append(bodyIn)
                    .append(" | ").append(out).append(" |\n");
        }
        return t.toString();
    }

    static String optionsTable(JsonNode options) {
        StringBuilder t = new StringBuilder("| name | group | default | type | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode o = e.getValue();
            t.append("| `").append(e.getKey()).append("`")
                    .append(o.path("required").asBoolean() ? " *" : "")
                    .append(o.path("secret").asBoolean() ? " (secret)" : "")
                    .append(" | ").append(o.path("group").asText())
                    .append(" | ").append(o.has("defaultValue") ? "`" + o.get("defaultValue").asText() + "`" : "")
                    .append(" | ").append(o.path("type").asText())
                    .append(" | ").append(cell(o.path("description").asText()))
                    .append(" |\n");
        }
        return t.toString();
    }

    /** Every field of every result model as Jackson reads it: JSON name, Java type, and how a route reaches it. */
    static String modelsTables() {
        List<Class<?>> models = List.of(Appointment.class, AppointmentSlot.class, AppointmentType.class, Clinician.class,
                Invoice.class, Patient.class, Payment.class, Practice.class, Treatment.class);
        ObjectMapper mapper = AeronaJson.mapper();
        StringBuilder t = new StringBuilder();
        for (Class<?> model : models) {
            BeanDescription bean = mapper.getDeserializationConfig().introspect(mapper.constructType(model));
            t.append("\n#### ").append(model.getSimpleName()).append("\n\n")
                    .append("| JSON field | Java type | in a route |\n|---|---|---|\n");
            for (BeanPropertyDefinition property : bean.findProperties()) {
                if (!property.hasField() || property.getInternalName().equals("additionalProperties")) {
                    continue;
                }
                String type = property.getField().getType().toCanonical().replace("java.lang.", "")
                        .replace("java.math.", "").replace("java.time.", "").replace("java.util.", "");
                t.append("| `").append(property.getName()).append("` | `").append(type).append("` | `${body.")
                        .append(property.getInternalName()).append("}` |\n");
            }
        }
        return t.toString();
    }

    static String headersTable(JsonNode headers) {
        StringBuilder t = new StringBuilder("| header | type | description |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            t.append("| `").append(e.getKey()).append("` | ").append(e.getValue().path("javaType").asText())
                    .append(" | ").append(cell(e.getValue().path("description").asText())).append(" |\n");
        }
        return t.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String replaceBetweenMarkers(String page, String name, String table) {
        String begin = "<!-- generated:" + name + " -->\n";
        String end = "<!-- end:" + name + " -->";
        int from = page.indexOf(begin);
        int to = page.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("docs/aerona-component.md lacks the markers " + begin.trim() + " ... " + end);
        }
        return page.substring(0, from + begin.length()) + table + page.substring(to);
    }
}
