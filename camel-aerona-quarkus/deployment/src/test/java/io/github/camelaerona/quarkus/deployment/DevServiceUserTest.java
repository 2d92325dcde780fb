package io.github.camelaerona.quarkus.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

/**
 * An application that sets its username and password but no base URL gets a sandbox with that user, on the port
 * {@code quarkus.camel.aerona.devservices.port} names.
 */
class DevServiceUserTest {

    private static final int PORT = freePort();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel.aerona.devservices.port", String.valueOf(PORT))
            .overrideConfigKey(AeronaProcessor.USERNAME, "reception-leeds")
            .overrideConfigKey(AeronaProcessor.PASSWORD, "leeds-pw");

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
        // read back: the test class is loaded again in the application's class loader, with a port of its own
        int port = config.getValue("quarkus.camel.aerona.devservices.port", Integer.class);
        assertTrue(port > 0);
        assertEquals("http://127.0.0.1:" + port + "/AeronaAPI/v1", baseUrl);
        assertNotNull(config.getValue(AeronaProcessor.ADMIN_URL, String.class));
        assertEquals("reception-leeds", config.getValue(AeronaProcessor.USERNAME, String.class));

        assertEquals(200, login(baseUrl, "reception-leeds", "leeds-pw"));
        assertEquals(401, login(baseUrl, "reception-leeds", "wrong"));
    }
}
