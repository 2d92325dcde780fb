package io.github.camelaerona.examples;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.model.Invoice;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.SandboxFault;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example of docs/testing.md: a user's route tested against the sandbox extension. */
// tag::finance-sync-test[]
@WithAeronaSandbox(startTime = "2026-06-17T10:00:00Z")
class FinanceSyncRoutesTest {

    AeronaSandbox sandbox;          // injected
    CamelContext context;
    MockEndpoint finance;

    @BeforeEach
    void startRoutes() throws Exception {
        context = new DefaultCamelContext();
        AeronaComponent aerona = context.getComponent("aerona", AeronaComponent.class);
        aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());
        aerona.getConfiguration().setUsername(sandbox.username());
        aerona.getConfiguration().setPassword(sandbox.password());
        aerona.setClock(sandbox.clock());
        Properties properties = new Properties();
        properties.setProperty("finance.since", today().minusDays(7).toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        context.addRoutes(new FinanceSyncRoutes("mock:finance"));
        context.start();
        finance = context.getEndpoint("mock:finance", MockEndpoint.class);
    }

    /** Today at the practices, on the sandbox clock, which the component reads too. */
    private LocalDate today() {
        return LocalDate.now(sandbox.clock().withZone(ZoneId.of("Europe/London")));
    }

    @AfterEach
    void stopRoutes() {
        context.stop();
    }

    @Test
    void newPaymentsReachFinanceOnce() {
        int lastWeek = sandbox.data().searchPayments(null, today().minusDays(7), today()).size();
        await().atMost(Duration.ofSeconds(10)).until(() -> finance.getReceivedCounter() == lastWeek);

        Map<String, Object> added = sandbox.data().addPayment(426709L, new BigDecimal("120.00"), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> finance.getReceivedCounter() == lastWeek + 1);
        Exchange last = finance.getReceivedExchanges().get(lastWeek);
        assertEquals("AER-" + added.get("id"), last.getMessage().getHeader("financeReference"));
        assertEquals(new BigDecimal("120.00"), last.getMessage().getBody(Payment.class).getAmount());
    }

    @Test
    void aPassingServerErrorIsRedelivered() {
        sandbox.injectFault(SandboxFault.status(503, "{\"error\":\"maintenance\"}").path("/invoices").times(2));
        List<?> invoices = context.createProducerTemplate().requestBodyAndHeader("direct:invoicesOfPatient", null,
                AeronaConstants.PATIENT_ID, 426709L, List.class);
        assertTrue(invoices.stream().allMatch(i -> ((Invoice) i).getPatientId() == 426709L));
        assertEquals(List.of(503, 503, 200), sandbox.requests(r -> r.path().equals("/invoices/search")).stream()
                .map(r -> r.status()).toList(), "two failures, redelivered by the route's error handler");
    }

    @Test
    void anExpiredTokenIsInvisibleToTheRoute() {
        context.createProducerTemplate().requestBodyAndHeader("direct:invoicesOfPatient", null, AeronaConstants.PATIENT_ID, 426709L);
        // the account may still hold the token of an earlier test: it outlives a CamelContext, as in production
        int before = sandbox.logins().size();
        sandbox.clock().advance(Duration.ofHours(2));
        context.createProducerTemplate().requestBodyAndHeader("direct:invoicesOfPatient", null, AeronaConstants.PATIENT_ID, 426709L);
        assertEquals(before + 1, sandbox.logins().size(), "the component logged in again by itself");
    }
}
// end::finance-sync-test[]
