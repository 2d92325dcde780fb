package io.github.camelaerona.examples;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
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
        // the YAML routes take their dates from Simple's ${date:now...}, the machine's clock in the JVM's zone: the
        // dates they send are those of a moment between the two readings around the run
        long before = System.currentTimeMillis();
        assertTrue(YamlRoutesMain.run(sandbox.baseUrl(), sandbox.username(), sandbox.password()), "both routes ran");
        long after = System.currentTimeMillis();

        assertEquals(1, sandbox.logins().size());
        List<RecordedRequest> slots = sandbox.requests(r -> r.path().equals("/find-appointment-slots"));
        assertEquals(1, slots.size());
        assertEquals("34567", slots.get(0).query().get("clinicianId"));
        assertEquals("1", slots.get(0).query().get("timeOfDay"));
        assertTrue(simpleDates(before, after, 24).contains(slots.get(0).query().get("searchStart")), slots.toString());
        assertEquals(200, slots.get(0).status());
        List<RecordedRequest> payments = sandbox.requests(r -> r.path().equals("/payments/search"));
        assertEquals(1, payments.size());
        assertTrue(simpleDates(before, after, -720).contains(payments.get(0).query().get("fromDate")), payments.toString());
    }

    /** What ${date:now+Nh:yyyy-MM-dd} gives at the two instants. */
    private static Set<String> simpleDates(long before, long after, int hours) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        long shift = hours * 3_600_000L;
        return new HashSet<>(List.of(format.format(new Date(before + shift)), format.format(new Date(after + shift))));
    }
}
