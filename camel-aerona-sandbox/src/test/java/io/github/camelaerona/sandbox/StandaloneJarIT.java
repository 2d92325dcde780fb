package io.github.camelaerona.sandbox;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged standalone jar, started as docs/sandbox.md says: {@code java -jar ...-standalone.jar PORT}. */
class StandaloneJarIT {

    @Test
    void javaDashJarRunsASandboxThatAnswersTheApi(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("standalone.jar"));
        assertTrue(Files.exists(jar), jar + " was packaged");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("sandbox.log");
        Process sandbox = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> Files.readString(log)
                    .contains("Aerona sandbox at http://127.0.0.1:" + port + "/AeronaAPI/v1"));
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/AeronaAPI/v1/login")).POST(HttpRequest.BodyPublishers.ofString("{\"username\":\""
                    + AeronaSandbox.DEFAULT_USERNAME + "\",\"password\":\"" + AeronaSandbox.DEFAULT_PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode());
            assertTrue(login.headers().firstValue("AERONA-AUTH-TOKEN").isPresent());
            String output = Files.readString(log);
            assertFalse(output.contains("SLF4J"), "no SLF4J provider warnings: " + output);
        } finally {
            sandbox.destroy();
        }
        assertTrue(sandbox.waitFor(10, TimeUnit.SECONDS), "the sandbox stops with its process");
    }
}
