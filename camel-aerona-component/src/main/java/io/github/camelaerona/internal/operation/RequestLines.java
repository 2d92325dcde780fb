package io.github.camelaerona.internal.operation;

import io.github.camelaerona.api.AeronaOperation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelaerona.internal.operation.OperationSpec.Kind;
import io.github.camelaerona.internal.operation.OperationSpec.Location;

/**
 * The method and path each operation is sent with: the declared ones, except where the option requestOverrides
 * corrects them. A few of the declared ones are inferred (Aerona's published page stops before them), so a user
 * who finds the real API differs can correct them without a new release.
 */
public final class RequestLines {

    /** One operation's method and path template, such as {@code PUT /appointments/{appointmentId}/status}. */
    public record Line(String method, String pathTemplate) {
        @Override
        public String toString() {
            return method + " " + pathTemplate;
        }
    }

    public static final RequestLines DECLARED = new RequestLines(Map.of());

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern ENTRY = Pattern.compile("\\s*([A-Za-z]+)\\s*=\\s*([A-Za-z]+)\\s+(/\\S*)\\s*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<AeronaOperation, Line> overrides;

    private RequestLines(Map<AeronaOperation, Line> overrides) {
        this.overrides = overrides;
    }

    /** The line the operation is sent with. */
    public Line of(AeronaOperation operation) {
        Line line = overrides.get(operation);
        return line != null ? line : new Line(OperationSpecs.of(operation).method(), OperationSpecs.of(operation).pathTemplate());
    }

    /**
     * Reads {@code operation=METHOD /path} entries separated by commas, such as
     * {@code getPractices=GET /practice-list,updateAppointmentStatus=POST /appointments/{appointmentId}/status}.
     * A path must name exactly the operation's path parameters, in braces.
     *
     * @throws IllegalArgumentException naming the option, the entry and what is allowed
     */
    public static RequestLines parse(String option, String text) {
        if (text == null || text.isBlank()) {
            return DECLARED;
        }
        Map<AeronaOperation, Line> overrides = new EnumMap<>(AeronaOperation.class);
        for (String entry : text.split(",")) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw refused(option, entry, "operation=METHOD /path, such as getPractices=GET /practices");
            }
            AeronaOperation operation = operation(option, entry, m.group(1));
            String method = m.group(2).toUpperCase(java.util.Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw refused(option, entry, "a method of " + new TreeSet<>(METHODS));
            }
            Set<String> expected = new TreeSet<>();
            OperationSpecs.of(operation).parameters().stream().filter(p -> p.location() == Location.PATH)
                    .forEach(p -> expected.add(p.parameter().optionName()));
            Set<String> named = new TreeSet<>();
            Matcher placeholder = PLACEHOLDER.matcher(m.group(3));
            while (placeholder.find()) {
                named.add(placeholder.group(1));
            }
            if (!named.equals(expected)) {
                throw refused(option, entry, "a path with " + (expected.isEmpty() ? "no placeholders"
                        : "exactly the placeholders " + expected.stream().map(n -> "{" + n + "}").toList()));
            }
            overrides.put(operation, new Line(method, m.group(3)));
        }
        return new RequestLines(overrides);
    }

    private static AeronaOperation operation(String option, String entry, String name) {
        try {
            AeronaOperation operation = AeronaOperation.valueOf(name);
            if (OperationSpecs.of(operation).kind() != Kind.WEBHOOK) {
                return operation;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw refused(option, entry, "an operation that calls Aerona, such as createAppointment or getPractices");
    }

    private static IllegalArgumentException refused(String option, String entry, String allowed) {
        return new IllegalArgumentException("aerona: option " + option + " has the entry '" + entry.trim()
                + "'; allowed: " + allowed);
    }
}
