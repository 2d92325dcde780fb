package io.github.camelaerona.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of the API that Aerona's published page does not show and the component infers: the login's path and
 * field names, the token header, and the method and path of createAppointment, updateAppointmentStatus and
 * getPractices. A sandbox started with another shape answers only that shape, so a test proves that the
 * component's overrides (loginPath, loginUsernameField, loginPasswordField, tokenHeader, requestOverrides) work.
 *
 * @param loginPath     where logins are POSTed
 * @param usernameField the login body's username field
 * @param passwordField the login body's password field
 * @param tokenHeader   the header that carries the token both ways
 * @param requestLines  inferred request line ({@code PUT /appointments/{appointmentId}/status}) to the one this
 *                      sandbox answers instead
 */
public record SandboxApiShape(String loginPath, String usernameField, String passwordField, String tokenHeader,
        Map<String, String> requestLines) {

    /** The shape the component assumes by default. */
    public static final SandboxApiShape INFERRED = new SandboxApiShape("/login", "username", "password",
            "AERONA-AUTH-TOKEN", Map.of());

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z]+}");

    public SandboxApiShape withLogin(String path, String usernameField, String passwordField) {
        return new SandboxApiShape(path, usernameField, passwordField, tokenHeader, requestLines);
    }

    public SandboxApiShape withTokenHeader(String header) {
        return new SandboxApiShape(loginPath, usernameField, passwordField, header, requestLines);
    }

    /** Answers {@code actual} (such as {@code GET /practice-list}) instead of {@code inferred} ({@code GET /practices}). */
    public SandboxApiShape withRequestLine(String inferred, String actual) {
        Map<String, String> lines = new LinkedHashMap<>(requestLines);
        lines.put(inferred, actual);
        return new SandboxApiShape(loginPath, usernameField, passwordField, tokenHeader, Map.copyOf(lines));
    }

    /**
     * The inferred request line that a request of this shape stands for, such as {@code PUT
     * /appointments/5/status} for {@code POST /appointment-status/5}; the request itself when nothing maps it; null
     * when it uses an inferred line this shape replaced (this sandbox then answers 404, as the real API would).
     */
    String[] toInferred(String method, String path) {
        for (Map.Entry<String, String> line : requestLines.entrySet()) {
            List<String> values = match(line.getValue(), method, path);
            if (values != null) {
                String[] inferred = line.getKey().split(" ", 2);
                String rebuilt = inferred[1];
                for (String value : values) {
                    rebuilt = PLACEHOLDER.matcher(rebuilt).replaceFirst(Matcher.quoteReplacement(value));
                }
                return new String[] { inferred[0], rebuilt };
            }
            if (match(line.getKey(), method, path) != null) {
                return null;
            }
        }
        return new String[] { method, path };
    }

    private static List<String> match(String requestLine, String method, String path) {
        String[] parts = requestLine.split(" ", 2);
        if (!parts[0].equalsIgnoreCase(method)) {
            return null;
        }
        Matcher m = Pattern.compile(PLACEHOLDER.matcher(Pattern.quote(parts[1])).replaceAll("\\\\E([^/]+)\\\\Q"))
                .matcher(path);
        if (!m.matches()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            values.add(m.group(i));
        }
        return values;
    }
}
