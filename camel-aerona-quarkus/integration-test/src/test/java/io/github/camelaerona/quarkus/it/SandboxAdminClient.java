package io.github.camelaerona.quarkus.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Dev Service's sandbox, seen through its admin API, as a test in another process would see it. */
final class SandboxAdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String adminUrl;

    SandboxAdminClient(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    /** What Aerona's API saw: method, path, query, status; never bodies or tokens. */
    List<JsonNode> requests() throws IOException, InterruptedException {
        JsonNode all = send(HttpRequest.newBuilder(URI.create(adminUrl + "/requests")).GET());
        return java.util.stream.StreamSupport.stream(all.spliterator(), false).toList();
    }

    long count(String method, String path) throws IOException, InterruptedException {
        return requests().stream()
                .filter(r -> r.path("method").asText().equals(method) && r.path("path").asText().endsWith(path))
                .count();
    }

    /** Adds a payment dated the sandbox's now; answers the record. */
    JsonNode addPayment(long patientId, String amount) throws IOException, InterruptedException {
        String body = "{\"patientId\": " + patientId + ", \"amount\": " + amount + "}";
        return send(HttpRequest.newBuilder(URI.create(adminUrl + "/payments"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(request.timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() >= 300) {
            throw new IllegalStateException("sandbox admin answered " + reply.statusCode() + ": " + reply.body());
        }
        return JSON.readTree(reply.body());
    }
}
