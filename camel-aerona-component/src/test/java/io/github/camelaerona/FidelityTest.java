package io.github.camelaerona;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.model.AeronaJson;
import io.github.camelaerona.model.Appointment;
import io.github.camelaerona.model.AppointmentType;
import io.github.camelaerona.model.Clinician;
import io.github.camelaerona.model.Invoice;
import io.github.camelaerona.model.Patient;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.model.Practice;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What Aerona sent is what the route gets: a reply read into a model and marshalled back to JSON by Camel's
 * Jackson data format (default settings) keeps every field with its JSON type and value (numbers stay numbers,
 * decimals keep their value, date-times their instant, unknown fields are kept). Over every sample of the API page
 * and over the sandbox's records.
 */
class FidelityTest extends AeronaRouteTestSupport {

    private static final ObjectMapper RAW = new ObjectMapper();
    private ProducerTemplate template;

    @BeforeEach
    void route() throws Exception {
        CamelContext context = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:marshal").marshal(new JacksonDataFormat());
            }
        });
        template = context.createProducerTemplate();
    }

    private void assertRoundTrip(String replyJson, Class<?> model) throws Exception {
        Object record = AeronaJson.mapper().readValue(replyJson, model);
        String marshalled = template.requestBody("direct:marshal", record, String.class);
        List<String> differences = new ArrayList<>();
        compare("", RAW.readTree(replyJson), RAW.readTree(marshalled), differences);
        assertEquals(List.of(), differences, model.getSimpleName() + " " + replyJson + "\n -> " + marshalled);
    }

    private static void compare(String path, JsonNode sent, JsonNode got, List<String> differences) {
        if (sent.isObject()) {
            if (!got.isObject()) {
                differences.add(path + ": an object became " + got.getNodeType());
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode other = got.get(field.getKey());
                if (field.getValue().isNull()) {
                    continue; // a null and an absent field say the same
                }
                if (other == null) {
                    differences.add(path + "/" + field.getKey() + ": dropped");
                } else {
                    compare(path + "/" + field.getKey(), field.getValue(), other, differences);
                }
            }
            got.fieldNames().forEachRemaining(name -> {
                if (!sent.has(name)) {
                    differences.add(path + "/" + name + ": added");
                }
            });
        } else if (sent.isNumber()) {
            if (!got.isNumber() || sent.decimalValue().compareTo(got.decimalValue()) != 0) {
                differences.add(path + ": " + sent + " became " + got);
            }
        } else if (sent.isTextual() && looksLikeDateTime(sent.asText())) {
            if (!got.isTextual() || !OffsetDateTime.parse(sent.asText()).isEqual(OffsetDateTime.parse(got.asText()))) {
                differences.add(path + ": " + sent + " became " + got);
            }
        } else if (!sent.equals(got)) {
            differences.add(path + ": " + sent + " became " + got);
        }
    }

    private static boolean looksLikeDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String sample(String name) throws Exception {
        try (InputStream in = FidelityTest.class.getResourceAsStream("/api-samples/" + name + ".json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void everySampleOfTheApiPage() throws Exception {
        assertRoundTrip(sample("payment"), Payment.class);
        assertRoundTrip(sample("invoice"), Invoice.class);
        assertRoundTrip(sample("patient"), Patient.class);
        assertRoundTrip(sample("appointment"), Appointment.class);
    }

    @Test
    void fieldsTheModelDoesNotKnowAreKeptWithTheirTypes() throws Exception {
        assertRoundTrip("{\"id\":1,\"amount\":12.30,\"loyaltyPoints\":12,\"tags\":[\"a\",1],\"meta\":{\"x\":1.50}}",
                Payment.class);
    }

    @Test
    void everyRecordOfTheSandbox() throws Exception {
        ObjectMapper json = AeronaJson.mapper();
        for (Map<String, Object> p : sandbox.data().searchPayments(null, today().minusYears(1), today())) {
            assertRoundTrip(json.writeValueAsString(p), Payment.class);
        }
        for (Map<String, Object> i : sandbox.data().searchInvoices(null, today().minusYears(1), today())) {
            assertRoundTrip(json.writeValueAsString(i), Invoice.class);
        }
        for (Map<String, Object> p : sandbox.data().patients()) {
            assertRoundTrip(json.writeValueAsString(p), Patient.class);
        }
        for (Map<String, Object> a : sandbox.data().appointments()) {
            assertRoundTrip(json.writeValueAsString(a), Appointment.class);
        }
        for (Map<String, Object> p : sandbox.data().practices()) {
            assertRoundTrip(json.writeValueAsString(p), Practice.class);
        }
        for (Map<String, Object> c : sandbox.data().clinicians(null, null)) {
            assertRoundTrip(json.writeValueAsString(c), Clinician.class);
        }
        for (Map<String, Object> t : sandbox.data().appointmentTypes(null, null, true, false, false)) {
            assertRoundTrip(json.writeValueAsString(t), AppointmentType.class);
        }
    }
}
