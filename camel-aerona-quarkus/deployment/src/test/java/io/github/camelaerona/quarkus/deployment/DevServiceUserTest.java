package io.github.camelaerona.quarkus.deployment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An application that sets its username and password but no base URL gets a sandbox with that user. */
class DevServiceUserTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey(AeronaProcessor.USERNAME, "reception-leeds")
            .overrideConfigKey(AeronaProcessor.PASSWORD, "leeds-pw");

    private static int login(String baseUrl, String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theApplicationsUserLogsInToTheSandboxItGot() throws Exception {
        var config = ConfigProvider.getConfig();
        String baseUrl = config.getValue(AeronaProcessor.BASE_URL, String.class);
        assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
        assertNotNull(config.getValue(AeronaProcessor.ADMIN_URL, String.class));
        assertEquals("reception-leeds", config.getValue(AeronaProcessor.USERNAME, String.class));

        assertEquals(200, login(baseUrl, "reception-leeds", "leeds-pw"));
        assertEquals(401, login(baseUrl, "reception-leeds", "wrong"));
    }
}
