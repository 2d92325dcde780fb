package io.github.camelaerona.examples.random;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short random run: a fixed seed, three JVMs on one account through a real PostgreSQL, about two and a half
 * minutes of faults of every kind, then the checker. The long one is {@code .ci/random-run}; docs/reliability.md
 * gives its figures.
 */
class RandomRunTest {

    @Test
    void threeInstancesUnderRandomFaultsNeverGoOverTheLimitAndLoseNothing(@TempDir Path work) throws Exception {
        RandomRun.Settings settings = RandomRun.Settings.shortRun();
        RandomRunReport report = RandomRun.run(settings, work);
        System.out.println(report);

        assertTrue(report.faults().size() >= 15, "enough faults to mean something: " + report.faults().size());
        assertTrue(report.faultsByKind().size() >= 6, "most kinds of fault: " + report.faultsByKind());
        assertTrue(report.densestWindow() <= settings.limit(), "never over the limit in any window:\n" + report
                + report.logs());
        assertEquals(0, report.stats().overLimit(), report.toString());
        assertEquals(0, report.stats().invalidatedTokens(), "no token invalidated:\n" + report);
        assertTrue(report.densestWindow() >= settings.limit() * 9 / 10, "the load pressed on the budget:\n" + report);
        assertEquals(0, report.paymentsLost(), "every payment delivered:\n" + report + report.logs());
        assertEquals(report.events(), report.eventsAcknowledged(), "every webhook event acknowledged:\n" + report);
        assertEquals(0, report.eventsLost(), "every acknowledged event processed:\n" + report + report.logs());
        assertTrue(report.paymentDuplicates() + report.eventDuplicates() <= report.faultsByKind()
                .getOrDefault(RandomRun.FaultKind.KILL, 0), "at most one duplicate per kill -9:\n" + report);
    }
}
