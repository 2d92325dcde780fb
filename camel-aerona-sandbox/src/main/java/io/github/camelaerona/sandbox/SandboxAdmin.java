package io.github.camelaerona.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The sandbox's own HTTP API under {@link #PATH}, so an application started separately (Spring Boot, camel-main, a
 * Karaf container) or a test in another process can do what an embedded test does in Java: add users and records,
 * send webhooks to it, move the clock, inject faults and read what the sandbox saw. It is not part of Aerona's API
 * and listens on loopback only, like the sandbox itself. docs/sandbox.md lists the calls.
 */
final class SandboxAdmin implements HttpHandler {

    static final String PATH = "/sandbox-admin";

    private final AeronaSandbox sandbox;
    private final SandboxAccounts accounts;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    SandboxAdmin(AeronaSandbox sandbox, SandboxAccounts accounts) {
        this.sandbox = sandbox;
        this.accounts = accounts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath().substring(PATH.length());
        Map<String, Object> body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? Map.of() : json.readValue(bytes, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            reply(exchange, 400, Map.of("error", "the body is not a JSON object: " + e.getMessage()));
            return;
        }
        try {
            Object[] answer = route(method, path, body);
            reply(exchange, (Integer) answer[0], answer[1]);
        } catch (SandboxRejection e) {
            reply(exchange, e.status(), Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            reply(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private Object[] route(String method, String path, Map<String, Object> body) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        String key = method + " " + parts[0] + (parts.length > 1 ? "/*" : "");
        return switch (key) {
            case "GET " -> ok(status());
            case "POST users" -> {
                accounts.addUser(text(body, "username"), text(body, "password"));
                yield created(Map.of("username", text(body, "username")));
            }
            case "PUT webhooks/*" -> {
                sandbox.webhooks().register(objectType(parts[1]), text(body, "url"));
                yield ok(sandbox.webhooks().targets());
            }
            case "DELETE webhooks/*" -> {
                sandbox.webhooks().unregister(objectType(parts[1]));
                yield ok(sandbox.webhooks().targets());
            }
            case "PUT webhook-trust" -> {
                sandbox.webhooks().trust(body.containsKey("certificates")
                        ? SandboxWebhooks.trustStorePem(text(body, "certificates"))
                        : SandboxWebhooks.trustStoreFile(java.nio.file.Path.of(text(body, "trustStore")),
                                (String) body.get("password")));
                yield ok(Map.of("trust", "the given certificates"));
            }
            case "DELETE webhook-trust" -> {
                sandbox.webhooks().trust(null);
                yield ok(Map.of("trust", "the JDK's authorities"));
            }
            case "GET webhooks" -> ok(Map.of("targets", sandbox.webhooks().targets(),
                    "deliveries", sandbox.webhooks().deliveries().stream().map(SandboxAdmin::describe).toList(), "pending", sandbox.webhooks().pending()));
            case "POST payments" -> created(sandbox.data().addPayment(id(body, "patientId"), amount(body, "amount"),
                    rest(body, "patientId", "amount")));
            case "POST invoices" -> created(sandbox.data().addInvoice(id(body, "patientId"), text(body, "saleItem"),
                    amount(body, "price"), rest(body, "patientId", "saleItem", "price")));
            case "POST treatments" -> created(sandbox.data().addTreatment(id(body, "patientId"),
                    text(body, "treatmentName"), amount(body, "price")));
            case "PATCH appointments/*" -> ok(sandbox.data().changeAppointment(pathId(parts[1]), body));
            case "PATCH patients/*" -> ok(sandbox.data().updatePatient(pathId(parts[1]), body));
            case "PATCH payments/*" -> ok(sandbox.data().changePayment(pathId(parts[1]), body));
            case "POST clock" -> {
                sandbox.clock().advance(Duration.parse(text(body, "advance")));
                yield ok(status());
            }
            case "POST faults" -> {
                sandbox.injectFault(fault(body));
                yield created(Map.of("injected", body));
            }
            case "DELETE faults" -> {
                sandbox.clearFaults();
                yield ok(Map.of());
            }
            case "GET requests" -> ok(sandbox.requests().stream().map(SandboxAdmin::describe).toList());
            case "DELETE requests" -> {
                sandbox.clearRequests();
                yield ok(Map.of());
            }
            default -> throw new SandboxRejection(404, "No such sandbox admin call: " + method + " " + PATH + path);
        };
    }

    private Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("baseUrl", sandbox.baseUrl());
        status.put("now", sandbox.clock().instant().toString());
        status.put("clockOffset", sandbox.clock().offset().toString());
        status.put("webhooks", sandbox.webhooks().targets());
        status.put("requests", sandbox.requests().size());
        return status;
    }

    /** What the request log shows over HTTP: never the token or the body, which may carry a password. */
    private static Map<String, Object> describe(RecordedRequest request) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("method", request.method());
        d.put("path", request.path());
        d.put("query", request.query());
        d.put("status", request.status());
        d.put("at", request.at().toString());
        d.put("withToken", request.token() != null);
        return d;
    }

    private static Map<String, Object> describe(WebhookDelivery delivery) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventId", delivery.eventId());
        d.put("objectType", delivery.objectType());
        d.put("url", delivery.url());
        d.put("attempt", delivery.attempt());
        d.put("status", delivery.status());
        d.put("at", delivery.at().toString());
        if (delivery.failure() != null) {
            d.put("failure", delivery.failure());
        }
        return d;
    }

    private static SandboxFault fault(Map<String, Object> body) {
        String kind = text(body, "kind");
        SandboxFault fault = switch (kind) {
            case "status" -> SandboxFault.status(((Number) required(body, "status")).intValue(),
                    body.get("body") == null ? "" : body.get("body").toString());
            case "delay" -> SandboxFault.delay(Duration.parse(text(body, "delay")));
            case "drop" -> SandboxFault.dropConnection();
            case "malformedJson" -> SandboxFault.malformedJson();
            case "drip" -> SandboxFault.drip(Duration.parse(text(body, "perByte")));
            default -> throw new SandboxRejection(400, "kind must be status, delay, drop, malformedJson or drip, but was " + kind);
        };
        if (body.get("method") != null) {
            fault.method(body.get("method").toString());
        }
        if (body.get("path") != null) {
            fault.path(body.get("path").toString());
        }
        if (body.get("times") != null) {
            fault.times(((Number) body.get("times")).intValue());
        }
        return fault;
    }

    private static Object required(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            throw new SandboxRejection(400, field + " is required");
        }
        return value;
    }

    private static String text(Map<String, Object> body, String field) {
        return required(body, field).toString();
    }

    private static long id(Map<String, Object> body, String field) {
        return Long.parseLong(text(body, field));
    }

    private static long pathId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new SandboxRejection(400, "not an id: " + text);
        }
    }

    private static BigDecimal amount(Map<String, Object> body, String field) {
        return new BigDecimal(text(body, field));
    }

    private static Map<String, Object> rest(Map<String, Object> body, String... taken) {
        Map<String, Object> rest = new LinkedHashMap<>(body);
        for (String field : taken) {
            rest.remove(field);
        }
        return rest;
    }

    private static String objectType(String type) {
        if (!List.of("Patient", "Appointment", "Treatment").contains(type)) {
            throw new SandboxRejection(400, "the object type must be Patient, Appointment or Treatment, but was " + type);
        }
        return type;
    }

    private static Object[] ok(Object value) {
        return new Object[] { 200, value };
    }

    private static Object[] created(Object value) {
        return new Object[] { 201, value };
    }

    private void reply(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] bytes = json.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }
}
