package io.github.camelaerona.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** An application's webhook endpoint for tests: answers 200 on loopback and keeps the bodies it received. */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(String path) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<String> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
