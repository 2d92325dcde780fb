package io.github.camelaerona.examples;

import java.time.LocalDate;
import java.util.List;

import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The YAML route set on camel-main, configured by application.properties, against the sandbox. */
@WithAeronaSandbox
class YamlRoutesTest {

    @Test
    void yamlRoutesCallAerona(AeronaSandbox sandbox) throws Exception {
        assertTrue(YamlRoutesMain.run(sandbox.baseUrl(), sandbox.username(), sandbox.password()), "both routes ran");

        assertEquals(1, sandbox.logins().size());
        List<RecordedRequest> slots = sandbox.requests(r -> r.path().equals("/find-appointment-slots"));
        assertEquals(1, slots.size());
        assertEquals("34567", slots.get(0).query().get("clinicianId"));
        assertEquals("1", slots.get(0).query().get("timeOfDay"));
        assertEquals(LocalDate.now().plusDays(1).toString(), slots.get(0).query().get("searchStart"));
        assertEquals(200, slots.get(0).status());
        List<RecordedRequest> payments = sandbox.requests(r -> r.path().equals("/payments/search"));
        assertEquals(1, payments.size());
        assertEquals(LocalDate.now().minusDays(30).toString(), payments.get(0).query().get("fromDate"));
    }
}
