package io.github.camelaerona.sandbox;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many clients with idle keep-alive connections, as a few hundred accounts have: every connection still answers.
 * The JDK server closed all but 200 idle ones by default, which clients met as NoHttpResponseException.
 */
class IdleConnectionsTest {

    @Test
    void threeHundredIdleKeepAliveConnectionsAllAnswerTheirNextRequest() throws Exception {
        try (AeronaSandbox sandbox = AeronaSandbox.start()) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
                    socket.setSoTimeout(10_000);
                    sockets.add(socket);
                    assertEquals(401, request(socket, sandbox), "connection " + i + ", first request");
                }
                // all 300 now idle on the server; each is used again, as a pooled client would
                for (int i = 0; i < sockets.size(); i++) {
                    assertEquals(401, request(sockets.get(i), sandbox), "connection " + i + " after being idle");
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    /** One GET without a token on a kept-alive connection; the status of its answer, its body read to the end. */
    private static int request(Socket socket, AeronaSandbox sandbox) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /AeronaAPI/v1/practices HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        String status = in.readLine();
        if (status == null) {
            return -1;
        }
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        for (int i = 0; i < length; i++) {
            in.read();
        }
        return Integer.parseInt(status.split(" ")[1]);
    }
}
