import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the starter's {@code AeronaComponentConfiguration} from the component's metadata (aerona.json, read from
 * the classpath the build gives): one property per component option, with its description and default, so the
 * starter never needs editing when the component gains an option. Run by the build (exec-maven-plugin) before the
 * starter compiles; the Spring Boot configuration processor then reads the generated source.
 */
public class StarterConfigurationGenerator {

    private static final String METADATA = "META-INF/io/github/camelaerona/aerona.json";
    private static final String PACKAGE = "io.github.camelaerona.springboot";
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final int WIDTH = 120;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]).resolve(PACKAGE.replace('.', '/')).resolve("AeronaComponentConfiguration.java");
        JsonNode options;
        try (InputStream in = StarterConfigurationGenerator.class.getClassLoader().getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException(METADATA + " is not on the classpath: is camel-aerona a dependency?");
            }
            options = new ObjectMapper().readTree(in).get("componentProperties");
        }
        List<String> fields = new ArrayList<>();
        List<String> accessors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            Property property = Property.of(option.getKey(), option.getValue());
            fields.add(property.field());
            accessors.add(property.accessors());
        }
        String source = """
                package %s;

                import java.time.Duration;

                import org.springframework.boot.context.properties.ConfigurationProperties;

                /**
                 * The aerona component's options under {@code camel.component.aerona}. Generated from the component's
                 * metadata (aerona.json) by the build: do not edit, the next build writes it again. The starter's own
                 * keys are in {@link AeronaStarterOptions}; bean options take a reference to a bean ({@code #name}).
                 */
                @ConfigurationProperties(prefix = "camel.component.aerona")
                public class AeronaComponentConfiguration extends AeronaStarterOptions {

                %s
                %s}
                """.formatted(PACKAGE, String.join("\n", fields), String.join("\n", accessors));
        Files.createDirectories(out.getParent());
        if (!Files.exists(out) || !Files.readString(out).equals(source)) {
            Files.writeString(out, source);
        }
    }

    /** One option as a Java property: its type, its initial value and its javadoc. */
    record Property(String name, String type, String initial, String description) {

        static Property of(String name, JsonNode option) {
            String kind = option.get("type").asText();
            String javaType = option.get("javaType").asText();
            JsonNode defaultValue = option.get("defaultValue");
            String description = option.path("description").asText("").strip();
            String type = switch (kind) {
                case "boolean" -> "Boolean";
                case "integer" -> javaType.equals("long") || javaType.equals("java.lang.Long") ? "Long" : "Integer";
                case "duration" -> "Duration";
                case "string" -> "String";
                case "enum" -> javaType;
                case "object" -> "String";
                default -> throw new IllegalStateException("option " + name + ": no Spring Boot type for " + kind);
            };
            if (kind.equals("object")) {
                description = description + (description.endsWith(".") ? "" : ".") + " A reference to a bean of type "
                        + javaType + " in the registry, such as #myBean.";
            }
            String initial = defaultValue == null ? null : switch (kind) {
                case "boolean" -> defaultValue.asText();
                case "integer" -> defaultValue.asText() + (type.equals("Long") ? "L" : "");
                case "duration" -> duration(name, defaultValue.asText());
                case "string" -> '"' + defaultValue.asText().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
                case "enum" -> javaType + "." + defaultValue.asText();
                default -> throw new IllegalStateException("option " + name + ": a default for a bean option");
            };
            return new Property(name, type, initial, description);
        }

        /** As the Spring Boot configuration processor reads a default: Duration.ofMinutes(15) is 15m. */
        private static String duration(String name, String text) {
            if (text.equals("0")) {
                return "Duration.ZERO"; // an option that is off unless set
            }
            Matcher m = DURATION.matcher(text);
            if (!m.matches()) {
                throw new IllegalStateException("option " + name + ": cannot write the duration " + text);
            }
            String unit = switch (m.group(2)) {
                case "ms" -> "Millis";
                case "s" -> "Seconds";
                case "m" -> "Minutes";
                case "h" -> "Hours";
                default -> "Days";
            };
            return "Duration.of" + unit + "(" + m.group(1) + ")";
        }

        String field() {
            return javadoc("    ", description) + "    private " + type + " " + name
                    + (initial == null ? "" : " = " + initial) + ";\n";
        }

        String accessors() {
            String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            return "    public " + type + " get" + capitalised + "() {\n"
                    + "        return " + name + ";\n"
                    + "    }\n\n"
                    + "    public void set" + capitalised + "(" + type + " " + name + ") {\n"
                    + "        this." + name + " = " + name + ";\n"
                    + "    }\n";
        }

        private static String javadoc(String indent, String text) {
            StringBuilder doc = new StringBuilder(indent).append("/**\n");
            StringBuilder line = new StringBuilder();
            for (String word : text.replace("*/", "*&#47;").split("\\s+")) {
                if (line.length() > 0 && indent.length() + 3 + line.length() + 1 + word.length() > WIDTH) {
                    doc.append(indent).append(" * ").append(line).append('\n');
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            if (line.length() > 0) {
                doc.append(indent).append(" * ").append(line).append('\n');
            }
            return doc.append(indent).append(" */\n").toString();
        }
    }
}
