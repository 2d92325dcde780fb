package io.github.camelaerona.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standalone sandbox as a newcomer starts it: {@code --help} prints the usage and exits 0; a wrong argument
 * prints what was wrong and the usage, and exits 2; never a stack trace.
 */
class SandboxCommandLineTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AeronaSandbox.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the sandbox's main returned");
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Run help = run("--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("Usage: java io.github.camelaerona.sandbox.AeronaSandbox [port]"), help.out());
        assertTrue(help.out().contains("--webhook TYPE=URL"));
        assertFalse(help.err().contains("Exception"), help.err());
    }

    @Test
    void aWrongArgumentSaysWhichAndExitsTwoWithoutAStackTrace() throws Exception {
        for (String[] wrong : List.of(new String[] { "--bogus" }, new String[] { "99999" },
                new String[] { "--webhook" }, new String[] { "--webhook", "Appointment=ftp://example.com" })) {
            Run run = run(wrong);
            assertEquals(2, run.exit(), String.join(" ", wrong) + ": " + run.err());
            assertTrue(run.err().contains("Usage:"), run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void aPlainHttpWebhookTargetElsewhereIsRefusedBeforeTheSandboxStarts() throws Exception {
        Run run = run("0", "--webhook", "Appointment=http://integration.example.com/aerona");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("only to https URLs"), run.err());
        assertFalse(run.out().contains("Aerona sandbox at"), "it did not start: " + run.out());
    }
}
