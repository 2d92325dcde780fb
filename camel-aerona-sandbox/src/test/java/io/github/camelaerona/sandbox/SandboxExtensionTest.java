package io.github.camelaerona.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JUnit extension: one sandbox per class, injected, published as system properties, reset per test. */
@WithAeronaSandbox(username = "clinic-sync", password = "pa55", rateLimit = 50, ratePeriodSeconds = 60)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxExtensionTest {

    private static AeronaSandbox first;
    private AeronaSandbox sandbox;

    @Test
    @Order(1)
    void injectsAFieldAndAParameter(AeronaSandbox parameter) throws Exception {
        first = sandbox;
        assertSame(sandbox, parameter);
        assertEquals("clinic-sync", sandbox.username());
        assertEquals(sandbox.baseUrl(), System.getProperty(AeronaSandboxExtension.BASE_URL_PROPERTY));
        assertEquals("pa55", System.getProperty(AeronaSandboxExtension.PASSWORD_PROPERTY));
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"clinic-sync\",\"password\":\"pa55\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertEquals(1, sandbox.requests().size());
        sandbox.injectFault(SandboxFault.status(500, "").always());
    }

    @Test
    @Order(2)
    void sameSandboxForTheClassButAFreshLogPerTest() {
        assertSame(first, sandbox);
        assertTrue(sandbox.requests().isEmpty());
        assertEquals(0, sandbox.stats().logins());
    }
}
