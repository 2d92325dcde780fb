package io.github.camelaerona;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.camelaerona.internal.account.AccountKey;
import io.github.camelaerona.internal.account.AeronaAccounts;
import io.github.camelaerona.api.AeronaAccountResolver;
import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.model.Practice;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One route for many clinics: the accountResolver gives each account's credentials, the header CamelAeronaAccount
 * names the account of a message. The sandbox has {@value #CLINICS} users; every account keeps its own token and
 * budget, and the component's threads do not grow with the number of accounts.
 */
class ManyAccountsTest extends AeronaRouteTestSupport {

    private static final int CLINICS = 500;
    private static final Duration PERIOD = Duration.ofSeconds(2);

    private final Map<String, AeronaAccountResolver.Account> clinics = new HashMap<>();

    private static String password(int clinic) {
        return "secret-of-clinic-" + clinic + "-x9";
    }

    @Override
    protected AeronaSandbox.Builder sandboxBuilder() {
        AeronaSandbox.Builder builder = AeronaSandbox.builder().rateLimit(10, PERIOD)
                .user(AeronaSandbox.DEFAULT_USERNAME, AeronaSandbox.DEFAULT_PASSWORD);
        for (int i = 0; i < CLINICS; i++) {
            builder.user("clinic-user-" + i, password(i));
        }
        return builder;
    }

    @Override
    protected void configure(AeronaComponent aerona) {
        for (int i = 0; i < CLINICS; i++) {
            clinics.put("clinic-" + i, new AeronaAccountResolver.Account(null, "clinic-user-" + i, password(i)));
        }
        aerona.getConfiguration().setAccountResolver(clinics::get);
        aerona.getConfiguration().setRateLimit(10);
        aerona.getConfiguration().setRateLimitPeriod(PERIOD.toMillis());
    }

    private static RouteBuilder practices() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices");
            }
        };
    }

    private static Object callAs(CamelContext context, String account) {
        return context.createProducerTemplate().requestBodyAndHeader("direct:practices", null,
                AeronaConstants.ACCOUNT, account);
    }

    private List<RecordedRequest> loginsOf(String username) {
        return sandbox.logins().stream().filter(r -> r.body().contains("\"" + username + "\"")).toList();
    }

    /** Live threads the component names: its scheduler, shared-budget workers and each context's worker pool. */
    private static List<String> componentThreads() {
        ThreadInfo[] infos = ManagementFactory.getThreadMXBean().getThreadInfo(
                ManagementFactory.getThreadMXBean().getAllThreadIds());
        return Arrays.stream(infos).filter(Objects::nonNull).map(ThreadInfo::getThreadName)
                .filter(n -> n.startsWith("aerona-") || n.contains("AeronaWorker")).toList();
    }

    @Test
    void fiveHundredAccountsOnOneRouteKeepTheThreadsOfOne() throws Exception {
        CamelContext context = startContext(practices());
        callAs(context, "clinic-0");
        callAs(context, "clinic-0");
        int threadsWithOne = componentThreads().size();

        for (int i = 0; i < CLINICS; i++) {
            Object body = callAs(context, "clinic-" + i);
            assertInstanceOf(List.class, body);
            assertInstanceOf(Practice.class, ((List<?>) body).get(0));
        }

        List<String> threadsWithAll = componentThreads();
        assertTrue(threadsWithAll.size() <= threadsWithOne + 4,
                "threads with 1 account: " + threadsWithOne + ", with " + CLINICS + ": " + threadsWithAll);
        for (int i = 0; i < CLINICS; i++) {
            String user = "clinic-user-" + i;
            assertEquals(1, loginsOf(user).size(), "one login for " + user);
            assertEquals(i == 0 ? 4 : 2, sandbox.stats(user).requests(), "its login and calls, for " + user);
            assertEquals(0, sandbox.stats(user).invalidatedTokens());
        }
        assertEquals(0, sandbox.stats().requests(), "the component's own user was never used");
    }

    @Test
    void theHeaderPicksTheAccountAndItsTokenNeverTheCredentials() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of("io.github.camelaerona", "org.apache.camel")) {
            CamelContext context = startContext(practices());
            callAs(context, "clinic-7");
            callAs(context, "clinic-8");
            callAs(context, "clinic-7");

            assertEquals(3, sandbox.stats("clinic-user-7").requests(), "a login and two calls as clinic 7");
            assertEquals(2, sandbox.stats("clinic-user-8").requests());
            String token7 = sandbox.apiRequests().get(0).token();
            assertEquals(token7, sandbox.apiRequests().get(2).token(), "clinic 7's token, reused");
            assertFalse(token7.equals(sandbox.apiRequests().get(1).token()), "clinic 8 has its own token");
            for (RecordedRequest request : sandbox.requests()) {
                assertFalse(request.headers().toString().contains("clinic-7"), "no account name sent: " + request);
            }
            assertTrue(logs.lines().stream().noneMatch(l -> l.contains(password(7)) || l.contains(password(8))),
                    "no password in the logs");
        }
    }

    @Test
    void aNameTheResolverDoesNotKnowFailsUnsentNamingOperationAndHeader() throws Exception {
        CamelContext context = startContext(practices());
        CamelExecutionException failure = assertThrows(CamelExecutionException.class,
                () -> callAs(context, "clinic-nobody"));
        AeronaValidationException refused = assertInstanceOf(AeronaValidationException.class, failure.getCause());
        assertTrue(refused.getMessage().contains("getPractices"), refused.getMessage());
        assertTrue(refused.getMessage().contains(AeronaConstants.ACCOUNT), refused.getMessage());
        assertTrue(refused.getMessage().contains("clinic-nobody"), refused.getMessage());
        assertTrue(sandbox.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void withoutAResolverTheHeaderIsRefusedAndAnEndpointWithoutAnAccountNeedsOne() throws Exception {
        CamelContext context = new DefaultCamelContext();
        AeronaComponent aerona = new AeronaComponent();
        aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());
        aerona.getConfiguration().setUsername(sandbox.username());
        aerona.getConfiguration().setPassword(sandbox.password());
        aerona.setClock(sandbox.clock());
        context.addComponent("aerona", aerona);
        context.addRoutes(practices());
        context.start();
        try {
            Exchange answered = context.createProducerTemplate().request("direct:practices",
                    e -> e.getMessage().setHeader(AeronaConstants.ACCOUNT, "clinic-1"));
            assertInstanceOf(AeronaValidationException.class, answered.getException());
            assertTrue(answered.getException().getMessage().contains("no accountResolver"),
                    answered.getException().getMessage());
        } finally {
            context.stop();
        }

        CamelContext onlyResolver = new DefaultCamelContext();
        AeronaComponent withResolver = new AeronaComponent();
        withResolver.getConfiguration().setBaseUrl(sandbox.baseUrl());
        withResolver.getConfiguration().setAccountResolver(clinics::get);
        withResolver.setClock(sandbox.clock());
        onlyResolver.addComponent("aerona", withResolver);
        onlyResolver.addRoutes(practices());
        onlyResolver.start();
        try {
            Exchange answered = onlyResolver.createProducerTemplate().request("direct:practices", e -> { });
            assertInstanceOf(AeronaValidationException.class, answered.getException());
            assertTrue(answered.getException().getMessage().contains("must name the account"),
                    answered.getException().getMessage());
        } finally {
            onlyResolver.stop();
        }
        assertTrue(sandbox.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void anAccountIsDroppedOnceItsWindowDrainedAndNotBefore() throws Exception {
        CamelContext context = startContext(practices());
        callAs(context, "clinic-11");
        AccountKey key = new AccountKey(sandbox.baseUrl(), "clinic-user-11");
        assertTrue(AeronaAccounts.holds(key), "its window holds two slots: the account stays, with its token");
        callAs(context, "clinic-11");
        assertEquals(1, loginsOf("clinic-user-11").size(), "the token was kept while the window had slots");

        await().atMost(Duration.ofSeconds(20)).until(() -> !AeronaAccounts.holds(key));
        callAs(context, "clinic-11");
        assertEquals(2, loginsOf("clinic-user-11").size(), "dropped with its token: the next call logs in");
    }

    @Test
    void twoContextsAndARestartShareTheAccounts() throws Exception {
        CamelContext first = startContext(practices());
        CamelContext second = startContext(practices());
        callAs(first, "clinic-21");
        callAs(second, "clinic-21");
        // a restart as a Karaf bundle refresh does it: the context stops, a new one starts (Camel's stop drops the
        // components it was given, so a context started again is configured anew)
        first.stop();
        CamelContext again = startContext(practices());
        callAs(again, "clinic-21");
        assertEquals(1, loginsOf("clinic-user-21").size(), "one account for both contexts and across the restart");
        assertEquals(4, sandbox.stats("clinic-user-21").requests());
    }

    @Test
    void aPollerPollsTheAccountItsOptionNames() throws Exception {
        List<Exchange> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("aerona:searchPayments?account=clinic-31&delay=200&initialFromDate=" + today().minusDays(3))
                        .process(received::add);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        assertTrue(sandbox.stats("clinic-user-31").requests() >= 2, "its login and a poll");
        assertEquals(0, sandbox.stats().requests(), "not as the component's user");
        assertEquals("clinic-31", received.get(0).getMessage().getHeader(AeronaConstants.ACCOUNT));
    }

    @Test
    void onePollerPollsAListOfAccountsWithACursorAndKeysEach() throws Exception {
        java.time.LocalDate from = today().minusDays(3);
        List<Long> expected = sandbox.data().searchPayments(null, from, today()).stream()
                .map(p -> (Long) p.get("id")).toList();
        clinics.put("clinic-refused", new AeronaAccountResolver.Account(null, "clinic-user-33", "not-its-password"));
        List<Exchange> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository keys =
                new org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository();
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("keys", keys);
                from("aerona:searchPayments?account=clinic-41, clinic-refused, clinic-42&idempotentRepository=#keys"
                        + "&delay=200&initialFromDate=" + from)
                        .process(received::add);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 2 * expected.size()
                && sandbox.stats("clinic-user-42").requests() >= 3);

        for (String clinic : List.of("clinic-41", "clinic-42")) {
            List<Long> ids = received.stream().filter(e -> clinic.equals(e.getMessage().getHeader(AeronaConstants.ACCOUNT)))
                    .map(e -> e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class)).toList();
            assertEquals(expected, ids, "each of " + clinic + "'s payments once, oldest first");
            assertTrue(keys.getCache().keySet().stream().anyMatch(k -> k.startsWith(clinic + "/searchPayments:")),
                    "its own keys: " + keys.getCache().keySet());
        }
        assertEquals(2 * expected.size(), received.size(), "nothing for the account whose login is refused");
        assertEquals(1, loginsOf("clinic-user-33").size(), "its refused login backs off; the others poll on");
        assertEquals(0, sandbox.stats().requests(), "not as the component's user");
    }

    @Test
    void aProducerNamesOneAccountNotAList() throws Exception {
        Exception failure = assertThrows(Exception.class, () -> startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:both").to("aerona:getPractices?account=clinic-1,clinic-2");
            }
        }));
        assertTrue(innermostMessage(failure).contains("a producer calls one"), innermostMessage(failure));
        assertTrue(sandbox.requests().isEmpty());
    }
}
