package io.github.camelaerona;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.api.AeronaRateLimitException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An account's window outlives its endpoints, its CamelContexts and, with budgetJournal, its JVM. */
class BudgetAcrossRestartsTest extends AeronaRouteTestSupport {

    private static RouteBuilder practices(String options) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices?rateLimit=3&rateLimitPeriod=1m&rateLimitMaxWait=0" + options);
            }
        };
    }

    @Test
    void aContextStartedAgainWithinTheWindowFindsItUsedAndTheTokenHeld() throws Exception {
        CamelContext first = startContext(practices(""));
        first.createProducerTemplate().requestBody("direct:practices", (Object) null);
        first.createProducerTemplate().requestBody("direct:practices", (Object) null);
        first.stop(); // a login and two calls: the window of 3 is full

        CamelContext again = startContext(practices(""));
        CamelExecutionException refused = assertThrows(CamelExecutionException.class,
                () -> again.createProducerTemplate().requestBody("direct:practices", (Object) null));
        assertInstanceOf(AeronaRateLimitException.class, refused.getCause(), "no fresh budget");
        assertEquals(3, sandbox.requests().size());
        assertEquals(1, sandbox.logins().size());
    }

    @Test
    void openedAgainWithOtherSettingsTheWindowCarriesOver() throws Exception {
        CamelContext first = startContext(practices(""));
        first.createProducerTemplate().requestBody("direct:practices", (Object) null);
        first.createProducerTemplate().requestBody("direct:practices", (Object) null);
        first.stop();

        CamelContext again = startContext(practices("&connectTimeout=7s&loginBackoff=30s"));
        CamelExecutionException refused = assertThrows(CamelExecutionException.class,
                () -> again.createProducerTemplate().requestBody("direct:practices", (Object) null));
        assertInstanceOf(AeronaRateLimitException.class, refused.getCause(), "the new settings came without a fresh budget");
        assertEquals(3, sandbox.requests().size());
    }

    @Test
    void aRestartedJvmResumesTheWindowFromTheJournal(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("budget.journal");
        assertEquals(List.of("sent", "sent"), runJvm(journal, 3, 2), "a login and two calls");
        assertEquals(3, sandbox.requests().size());
        List<String> lines = Files.readAllLines(journal);
        assertEquals(4, lines.size(), "a header and three slots: " + lines);
        assertTrue(lines.get(0).startsWith("#") && lines.subList(1, 4).stream().allMatch(l -> l.matches("[0-9]+")),
                "nothing but the times: " + lines);

        // the next JVM on the same account and journal: the window is still full, so not even its login is sent
        assertEquals(List.of("AeronaRateLimitException"), runJvm(journal, 3, 1));
        assertEquals(3, sandbox.requests().size(), "the restart sent nothing into the full window");

        // without the journal, the same restart had a fresh budget and went over Aerona's count
        assertEquals(List.of("sent"), runJvm(dir.resolve("another.journal"), 3, 1));
        assertEquals(5, sandbox.requests().size(), "a login and a call: what the journal prevents");
    }

    private List<String> runJvm(Path journal, int limit, int calls) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalProcess.class.getName(), sandbox.baseUrl(),
                sandbox.username(), sandbox.password(), journal.toString(), Integer.toString(limit), Integer.toString(calls))
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (var out = process.inputReader()) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("sent") || line.matches("[A-Za-z]+Exception")) {
                    lines.add(line);
                }
            }
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM exited");
        return lines;
    }
}
