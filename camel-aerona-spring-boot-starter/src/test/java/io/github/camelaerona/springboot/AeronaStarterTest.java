package io.github.camelaerona.springboot;

import java.util.List;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.model.Patient;
import io.github.camelaerona.model.Practice;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Spring Boot application with the starter, configured only by application.properties, calling the sandbox. */
@WithAeronaSandbox
// this application has no database (the shared-budget test's has one)
@SpringBootTest(classes = AeronaStarterTest.App.class, properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        // keys a hand-written starter used to drop: they reach the component like every other option
        "camel.component.aerona.initial-from-date=2026-01-05",
        "camel.component.aerona.webhook-path=/hooks/aerona",
        "camel.component.aerona.emit-updates=true",
        "camel.component.aerona.lazy-start-producer=true",
        "camel.component.aerona.bridge-error-handler=true",
        "camel.component.aerona.idempotent-repository=#processedPayments" })
class AeronaStarterTest {

    @SpringBootApplication
    static class App {
        @Bean
        IdempotentRepository processedPayments() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(100);
        }

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:practices").to("aerona:getPractices");
                    from("direct:patient").to("aerona:getPatient");
                }
            };
        }
    }

    @Autowired
    CamelContext context;
    @Autowired
    ProducerTemplate template;
    @Autowired
    IdempotentRepository processedPayments;

    @Test
    void routeCallsAeronaWithThePropertiesOfTheApplication(AeronaSandbox sandbox) {
        List<?> practices = template.requestBody("direct:practices", null, List.class);
        assertEquals(3, practices.size());
        assertInstanceOf(Practice.class, practices.get(0));
        Patient patient = template.requestBodyAndHeader("direct:patient", null, AeronaConstants.PATIENT_ID, 426709L, Patient.class);
        assertEquals("Cathal", patient.getForename());

        assertEquals(1, sandbox.logins().size());
        assertEquals(2, sandbox.apiRequests().size());

        AeronaComponent aerona = context.getComponent("aerona", AeronaComponent.class);
        assertEquals(sandbox.baseUrl(), aerona.getConfiguration().getBaseUrl());
        assertEquals(50, aerona.getConfiguration().getRateLimit());
        assertEquals(120_000L, aerona.getConfiguration().getRateLimitPeriod());
        assertEquals(20_000L, aerona.getConfiguration().getSocketTimeout());
        assertEquals(300_000L, aerona.getConfiguration().getTokenRenewMargin(), "unset properties keep the defaults");
        assertEquals("2026-01-05", aerona.getConfiguration().getInitialFromDate());
        assertEquals("/hooks/aerona", aerona.getConfiguration().getWebhookPath());
        assertTrue(aerona.getConfiguration().isEmitUpdates());
        assertTrue(aerona.isLazyStartProducer());
        assertTrue(aerona.isBridgeErrorHandler());
        assertSame(processedPayments, aerona.getConfiguration().getIdempotentRepository(), "a #bean reference");
    }
}
