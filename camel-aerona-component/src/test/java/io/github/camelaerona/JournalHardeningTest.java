package io.github.camelaerona;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.camelaerona.api.AeronaAccountResolver;
import io.github.camelaerona.api.AeronaRateLimitException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budget journal as a bad day finds it: a file with times far ahead, a last line cut short, a link planted
 * where the next window is written, a second process on the same file, and two resolver names of one account.
 */
class JournalHardeningTest extends AeronaRouteTestSupport {

    private static final String HEADER = "# aerona budget journal\n";
    @TempDir
    Path dir;
    private Integer limit;
    private long maxWait = 20_000;
    private boolean resolverOnly;

    @Override
    protected void configure(AeronaComponent aerona) {
        aerona.getConfiguration().setBudgetJournal(dir.resolve("budget").toString());
        aerona.getConfiguration().setRateLimitPeriod(1000);
        aerona.getConfiguration().setCallTimeout(1000);
        aerona.getConfiguration().setRateLimitMaxWait(maxWait);
        aerona.getConfiguration().setCoalesceReads(false);
        if (limit != null) {
            aerona.getConfiguration().setRateLimit(limit);
        }
        if (resolverOnly) {
            aerona.getConfiguration().setUsername(null);
            aerona.getConfiguration().setPassword(null);
            AeronaAccountResolver.Account same = new AeronaAccountResolver.Account(null, sandbox.username(),
                    sandbox.password());
            aerona.getConfiguration().setAccountResolver(Map.of("north", same, "south", same)::get);
        }
    }

    @Test
    void timesFarAheadAreCappedAtCallTimeoutPlusThePeriodAndTheWarningNamesTheJournal() throws Exception {
        limit = 2;
        long tenDays = sandbox.clock().millis() + Duration.ofDays(10).toMillis();
        Files.writeString(dir.resolve("budget"), HEADER + tenDays + "\n" + tenDays + "\n");
        try (CapturedLogs logs = CapturedLogs.of("io.github.camelaerona.internal.account")) {
            CamelContext context = startContext(route("aerona:getPractices"));
            template(context).requestBody("direct:call", (Object) null); // waits 2 s at most, not ten days
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains(dir.resolve("budget").toString())
                    && l.contains("further ahead than callTimeout plus rateLimitPeriod")), logs.lines().toString());
        }
        assertEquals(2, sandbox.requests().size(), "the login and the call");
    }

    @Test
    void aLastLineCutShortCountsAsAHeldSlotNotAsATimeIn1970() throws Exception {
        limit = 1;
        maxWait = 0;
        Files.writeString(dir.resolve("budget"), HEADER + "17650");
        try (CapturedLogs logs = CapturedLogs.of("io.github.camelaerona.internal.account")) {
            CamelContext context = startContext(route("aerona:getPractices"));
            CamelExecutionException failed = assertThrows(CamelExecutionException.class,
                    () -> template(context).requestBody("direct:call", (Object) null));
            assertInstanceOf(AeronaRateLimitException.class, failed.getCause());
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains(dir.resolve("budget").toString())
                    && l.contains("a line cut short")), logs.lines().toString());
        }
        assertEquals(List.of(), sandbox.requests(), "the one slot counted as held: nothing sent");
    }

    @Test
    void theNextWindowIsNotWrittenThroughALinkPlantedBesideTheJournal() throws Exception {
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "precious");
        Files.createSymbolicLink(dir.resolve("budget.next"), victim);
        CamelContext context = startContext(route("aerona:getPractices"));
        template(context).requestBody("direct:call", (Object) null);
        assertEquals("precious", Files.readString(victim), "the link's target is untouched");
        assertFalse(Files.isSymbolicLink(dir.resolve("budget")));
        assertTrue(Files.readAllLines(dir.resolve("budget")).stream().filter(l -> l.matches("[0-9]+")).count() >= 2,
                "the window went into the journal itself");
    }

    @Test
    void aSecondProcessOnAJournalInUseFailsAtStartupNamingTheFile() throws Exception {
        Path journal = dir.resolve("budget");
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalProcess.class.getName(), sandbox.baseUrl(),
                sandbox.username(), sandbox.password(), journal.toString(), "5", "1", "hold")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = first.inputReader()) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("holding")) {
                // the other process's calls
            }
            assertEquals("holding", line, "the first process holds the journal");
            Exception failed = assertThrows(Exception.class, () -> startContext(route("aerona:getPractices")));
            Throwable root = failed;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().contains(journal.toString()) && root.getMessage().contains("in use by another"
                    + " process"), root.getMessage());
        } finally {
            first.getOutputStream().close();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(2, sandbox.requests().size(), "only the first process's login and call were sent");
    }

    @Test
    void twoResolverNamesOfOneAccountKeepOneWindowInOneFileWithOneToken() throws Exception {
        resolverOnly = true;
        CamelContext context = startContext(route("aerona:getPractices"));
        for (int i = 0; i < 10; i++) {
            template(context).requestBodyAndHeader("direct:call", null, AeronaConstants.ACCOUNT,
                    i % 2 == 0 ? "north" : "south");
        }
        assertEquals(1, sandbox.logins().size(), "one token for the account, whichever name leads to it");
        List<Path> journals;
        try (Stream<Path> files = Files.list(dir)) {
            journals = files.filter(f -> !f.toString().endsWith(".lock") && !f.toString().endsWith(".next")).toList();
        }
        assertEquals(1, journals.size(), "one journal for the account: " + journals);
        assertTrue(journals.get(0).getFileName().toString().startsWith("budget-" + sandbox.username() + "@127.0.0.1-"),
                journals.toString());
        long held = Files.readAllLines(journals.get(0)).stream().filter(l -> l.matches("[0-9]+")).count();
        assertEquals(11, held, "the login and ten calls, all in its window");
    }

    @Test
    void aPlainHttpUrlIsRefusedWithItsUserInfoMasked() {
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        AeronaComponent aerona = new AeronaComponent();
        aerona.getConfiguration().setBaseUrl("http://clinic:hunter2@aerona.example.com/AeronaAPI/v1");
        aerona.getConfiguration().setUsername("clinic");
        aerona.getConfiguration().setPassword("secret");
        context.addComponent("aerona", aerona);
        Exception failed = assertThrows(Exception.class, () -> {
            context.addRoutes(route("aerona:getPractices"));
            context.start();
        });
        StringBuilder all = new StringBuilder();
        for (Throwable t = failed; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        context.stop();
        assertFalse(all.toString().contains("hunter2"), all.toString());
        assertTrue(all.toString().contains("http://****@aerona.example.com/AeronaAPI/v1"), all.toString());
    }
}
