package io.github.camelaerona.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * Requests a test sends to an integration's webhook endpoint, as Aerona would or as a stranger might: a plain POST,
 * and one that announces a large body but sends only its first kilobyte (a server that reads bodies ahead waits for
 * the rest; one that checks the length answers at once).
 */
public final class WebhookProbe {

    private WebhookProbe() {
    }

    /** POSTs the JSON body; answers the status. */
    public static int post(HttpClient http, String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Over TLS to 127.0.0.1:port, a POST whose Content-Length announces {@code announced} bytes, of which 1 KB is
     * sent; answers the status the server replies with before the rest (it fails after 10 s without a reply).
     */
    public static int partialPost(SSLContext tls, int port, String path, int announced) throws IOException {
        try (Socket socket = tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + announced + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            byte[] head = socket.getInputStream().readNBytes(12);
            return Integer.parseInt(new String(head, StandardCharsets.US_ASCII).substring(9, 12));
        }
    }
}
