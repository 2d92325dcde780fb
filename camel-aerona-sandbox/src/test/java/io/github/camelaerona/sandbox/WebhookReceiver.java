package io.github.camelaerona.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An application's webhook endpoint for tests: answers 200 on loopback and keeps the bodies it received; over TLS
 * with a certificate's key when given one.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final boolean https;
    private final List<String> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(String path) throws IOException {
        this(path, null);
    }

    WebhookReceiver(String path, SandboxCertificate certificate) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        https = certificate != null;
        if (https) {
            HttpsServer tls = HttpsServer.create(address, 0);
            tls.setHttpsConfigurator(new HttpsConfigurator(serverContext(certificate)));
            server = tls;
        } else {
            server = HttpServer.create(address, 0);
        }
        server.createContext(path, exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    private static SSLContext serverContext(SandboxCertificate certificate) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(certificate.keyStore("changeit"), "changeit".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return (https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<String> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
