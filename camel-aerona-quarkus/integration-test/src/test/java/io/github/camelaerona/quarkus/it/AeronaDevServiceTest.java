package io.github.camelaerona.quarkus.it;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.model.Practice;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application in JVM mode against the sandbox the extension's Dev Service started: application.properties sets
 * no base URL, username or password.
 */
@QuarkusTest
class AeronaDevServiceTest {

    /** Aerona's limit, which the component applies when nothing else is configured. */
    private static final int AERONA_LIMIT = 300;

    @Inject
    CamelContext camel;

    @Inject
    ProducerTemplate template;

    @Inject
    ReceivedPayments received;

    @ConfigProperty(name = "aerona.sandbox.admin-url")
    String adminUrl;

    @ConfigProperty(name = "camel.component.aerona.base-url")
    String baseUrl;

    @Test
    void theComponentTalksToTheDevServicesSandbox() throws Exception {
        SandboxAdminClient sandbox = new SandboxAdminClient(adminUrl);
        long practicesBefore = sandbox.count("GET", "/practices");

        List<?> practices = template.requestBody("direct:practices", null, List.class);

        assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
        assertFalse(practices.isEmpty());
        assertTrue(practices.get(0) instanceof Practice, "typed models: " + practices.get(0).getClass());
        assertEquals(practicesBefore + 1, sandbox.count("GET", "/practices"));
        assertTrue(sandbox.requests().stream().filter(r -> r.path("path").asText().endsWith("/practices"))
                .allMatch(r -> r.path("withToken").asBoolean()), "every call carried the token");
        assertEquals(1, sandbox.count("POST", "/login"), "one login, the token reused by every call since");
    }

    @Test
    void simpleExpressionsReadTheModelsThroughTheBeanLanguage() {
        Exchange reply = template.request("direct:patient-forename",
                e -> e.getMessage().setHeader(AeronaConstants.PATIENT_ID, 426709L));

        assertEquals(null, reply.getException());
        String forename = reply.getMessage().getBody(String.class);
        assertNotNull(forename);
        assertFalse(forename.isBlank());
        assertFalse(forename.startsWith("${"), forename);
        String surname = reply.getMessage().getHeader("patientSurname", String.class);
        assertNotNull(surname);
        assertFalse(surname.isBlank());
    }

    @Test
    void eachReplySaysWhatIsLeftOfTheBudgetTheSandboxCounted() throws Exception {
        SandboxAdminClient sandbox = new SandboxAdminClient(adminUrl);

        Exchange first = template.request("direct:practices", e -> { });
        int seenAfterFirst = sandbox.requests().size();
        Exchange second = template.request("direct:practices", e -> { });

        // one token for the whole run, every request it made (login included) within one window
        assertEquals(AERONA_LIMIT - seenAfterFirst, first.getMessage().getHeader(AeronaConstants.BUDGET_REMAINING));
        assertEquals(AERONA_LIMIT - seenAfterFirst - 1, second.getMessage().getHeader(AeronaConstants.BUDGET_REMAINING));
        assertEquals(0L, second.getMessage().getHeader(AeronaConstants.BUDGET_WAITED));
    }

    @Test
    void thePaymentsPollerDeliversAPaymentTheSandboxRecorded() throws Exception {
        SandboxAdminClient sandbox = new SandboxAdminClient(adminUrl);
        JsonNode added = sandbox.addPayment(426709L, "72.40");
        String id = added.path("id").asText();

        camel.getRouteController().startRoute("payments");
        try {
            Payment payment = await().atMost(Duration.ofSeconds(30)).until(() -> received.get(id), p -> p != null);
            assertEquals(0, new BigDecimal("72.40").compareTo(payment.getAmount()));
            assertEquals(426709L, payment.getPatientId());
        } finally {
            camel.getRouteController().stopRoute("payments");
        }
        assertTrue(sandbox.count("GET", "/payments/search") >= 1);
    }
}
