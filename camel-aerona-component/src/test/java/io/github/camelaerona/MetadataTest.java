package io.github.camelaerona;

import io.github.camelaerona.model.AeronaJson;
import io.github.camelaerona.api.AeronaOperation;
import io.github.camelaerona.internal.operation.AeronaParameter;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Camel's tooling generated, and that it agrees with the operation declarations. */
class MetadataTest {

    private static JsonNode metadata() throws Exception {
        try (InputStream in = MetadataTest.class.getResourceAsStream("/META-INF/io/github/camelaerona/aerona.json")) {
            assertNotNull(in, "aerona.json is generated into the jar");
            return AeronaJson.mapper().readTree(in);
        }
    }

    @Test
    void metadataListsEveryOperation() throws Exception {
        JsonNode operation = metadata().get("properties").get("operation");
        List<String> listed = new ArrayList<>();
        operation.get("enum").forEach(n -> listed.add(n.asText()));
        assertEquals(Arrays.stream(AeronaOperation.values()).map(Enum::name).toList(), listed);
        assertTrue(operation.get("required").asBoolean());
        assertEquals("aerona:operation", metadata().get("component").get("syntax").asText());
    }

    @Test
    void everyParameterHasAnOptionAHeaderAndAConstant() throws Exception {
        JsonNode properties = metadata().get("properties");
        JsonNode headers = metadata().get("headers");
        for (AeronaParameter p : AeronaParameter.values()) {
            assertTrue(properties.has(p.optionName()), "URI option " + p.optionName());
            assertTrue(headers.has(p.headerName()), "header " + p.headerName());
            Field constant = AeronaConstants.class.getField(p.name());
            assertEquals(p.headerName(), constant.get(null));
        }
        assertEquals(AeronaParameter.values().length + 12, headers.size(), "parameters plus operation, priority,"
                + " account, response code, budget remaining, budget waited, refresh, from cache, cache age, coalesced,"
                + " record id and webhook object type");
    }

    @Test
    void secretsAreMarkedSecret() throws Exception {
        JsonNode properties = metadata().get("properties");
        assertTrue(properties.get("password").get("secret").asBoolean());
        assertTrue(properties.get("webhookSecret").get("secret").asBoolean());
        assertTrue(metadata().get("componentProperties").get("password").get("secret").asBoolean());
        // the username is the account's identity, shown in health checks, JMX and errors (docs: Security)
        assertFalse(properties.get("username").get("secret").asBoolean());
        assertFalse(metadata().get("componentProperties").get("username").get("secret").asBoolean());
    }

    @Test
    void thePollingDelayDefaultIsTheConsumersOwn() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            AeronaEndpoint endpoint = context.getEndpoint("aerona:searchPayments", AeronaEndpoint.class);
            assertEquals(endpoint.getDefaultDelay(), metadata().get("properties").get("delay").get("defaultValue").asLong());
            assertEquals(60_000L, endpoint.getDefaultDelay());
        }
    }

    @Test
    void theJarListsItsComponentsForCamelsTooling() throws Exception {
        Properties list = new Properties();
        try (InputStream in = MetadataTest.class.getResourceAsStream("/META-INF/services/org/apache/camel/component.properties")) {
            assertNotNull(in, "component.properties is in the jar");
            list.load(in);
        }
        assertEquals("aerona", list.getProperty("components"));
        assertEquals("camel-aerona", list.getProperty("artifactId"));
        assertEquals("io.github.camelaerona", list.getProperty("groupId"));
        assertFalse(list.getProperty("version").contains("${"), "filtered by the build");
        assertNotNull(MetadataTest.class.getResource("/META-INF/services/org/apache/camel/component/"
                + list.getProperty("components")), "each listed component has its service entry");
    }

    @Test
    void componentIsFoundThroughItsServiceEntry() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertInstanceOf(AeronaComponent.class, context.getComponent("aerona"));
            // the generated URI factory and configurer are used, not reflection
            assertNotNull(context.getCamelContextExtension().getEndpointUriFactory("aerona"));
            AeronaEndpoint endpoint = context.getEndpoint("aerona:getPayment?paymentId=5&rateLimit=20&rateLimitPeriod=2m&username=u&password=p",
                    AeronaEndpoint.class);
            assertEquals(5L, endpoint.getParameters().getPaymentId());
            assertEquals(20, endpoint.getConfiguration().getRateLimit());
            assertEquals(120_000L, endpoint.getConfiguration().getRateLimitPeriod());
            assertEquals(AeronaOperation.getPayment, endpoint.getOperation());
        }
    }

    @Test
    void unknownOperationIsRefusedWithTheList() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> context.getEndpoint("aerona:deletePatient"));
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().contains("getPayment"), root.getMessage());
        }
    }
}
