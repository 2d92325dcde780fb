package io.github.camelaerona;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelaerona.api.AeronaLoginException;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.SandboxApiShape;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Aerona's page does not show is inferred; against a sandbox whose API has another shape, the options that
 * correct each inferred element make every call work, and without them the calls fail.
 */
class InferredShapeTest extends AeronaRouteTestSupport {

    private static final String OVERRIDES = "&loginPath=/auth/session&loginUsernameField=user"
            + "&loginPasswordField=secret&tokenHeader=X-Session-Token"
            + "&requestOverrides=getPractices=GET /practice-list,"
            + "updateAppointmentStatus=POST /appointment-status/{appointmentId},"
            + "createAppointment=POST /appointments/new";

    @Override
    protected AeronaSandbox.Builder sandboxBuilder() {
        return AeronaSandbox.builder().apiShape(SandboxApiShape.INFERRED
                .withLogin("/auth/session", "user", "secret")
                .withTokenHeader("X-Session-Token")
                .withRequestLine("GET /practices", "GET /practice-list")
                .withRequestLine("PUT /appointments/{appointmentId}/status", "POST /appointment-status/{appointmentId}")
                .withRequestLine("POST /appointments", "POST /appointments/new"));
    }

    @Test
    void theInferredDefaultsFailAgainstAnApiOfAnotherShape() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices");
            }
        });
        Exchange reply = context.createProducerTemplate().request("direct:practices", e -> { });
        // a login the other shape does not have is no login at that URL, not refused credentials
        AeronaLoginException refused = assertInstanceOf(AeronaLoginException.class, reply.getException());
        assertTrue(refused.getMessage().contains("No login at that URL"), refused.getMessage());
        assertEquals("/login", sandbox.requests().get(0).path());
        assertEquals(404, sandbox.requests().get(0).status());
    }

    @Test
    void theOverridesReachEveryInferredElement() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                String options = OVERRIDES.replace(" ", "%20");
                from("direct:practices").toF("aerona:getPractices?%s", options.substring(1));
                from("direct:book").toF("aerona:createAppointment?%s", options.substring(1));
                from("direct:status").toF("aerona:updateAppointmentStatus?appointmentStatusId=2%s", options);
            }
        });
        ProducerTemplate template = context.createProducerTemplate();
        List<?> practices = template.requestBody("direct:practices", null, List.class);
        assertEquals(sandbox.data().practices().size(), practices.size());

        Map<String, Object> booking = new LinkedHashMap<>();
        booking.put("practiceId", 9876);
        booking.put("userId", 34568);
        booking.put("appointmentTypeId", 1864);
        booking.put("appointmentStatusId", 2);
        booking.put("appointmentTime", nextWeekday().atTime(11, 0).atZone(LONDON).toOffsetDateTime().toString());
        booking.put("duration", 30);
        booking.put("patientId", 426701);
        Long id = template.requestBody("direct:book", booking, Long.class);
        assertEquals(426701L, sandbox.data().appointment(id).get("patientId"));

        assertEquals(Boolean.TRUE, template.requestBodyAndHeader("direct:status", null, AeronaConstants.APPOINTMENT_ID, id));
        assertEquals(2, sandbox.data().appointment(id).get("appointmentStatusId"));

        List<RecordedRequest> seen = sandbox.requests();
        assertEquals(List.of("POST /auth/session", "GET /practice-list", "POST /appointments/new",
                "POST /appointment-status/" + id), seen.stream().map(r -> r.method() + " " + r.path()).toList());
        assertTrue(seen.get(0).body().contains("\"user\"") && seen.get(0).body().contains("\"secret\""));
        assertTrue(seen.stream().skip(1).allMatch(r -> r.token() != null && r.status() == 200),
                "every call carried the token in X-Session-Token and was answered");
    }

    @Test
    void anOverrideThatCannotWorkIsRefusedAtStartupNamingTheEntry() {
        for (String[] bad : new String[][] {
                { "updateAppointmentStatus=PUT /appointments/status", "allowed: a path with exactly the placeholders [{appointmentId}]" },
                { "getPractices=FETCH /practices", "allowed: a method of" },
                { "deletePatient=DELETE /patients/{patientId}", "allowed: an operation that calls Aerona" },
                { "getPractices", "allowed: operation=METHOD /path" } }) {
            Exception refused = assertThrows(Exception.class, () -> startContext(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:x").to("aerona:getPractices?requestOverrides=" + bad[0].replace(" ", "%20"));
                }
            }));
            String message = innermostMessage(refused);
            assertTrue(message.startsWith("aerona: option requestOverrides has the entry '" + bad[0] + "'"),
                    message);
            assertTrue(message.contains(bad[1]), message);
        }
        assertEquals(0, sandbox.requests().size());
    }

    private LocalDate nextWeekday() {
        LocalDate day = today().plusDays(7);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        return day;
    }
}
