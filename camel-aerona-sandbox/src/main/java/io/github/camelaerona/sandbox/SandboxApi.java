package io.github.camelaerona.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's HTTP face: routes each request of the Aerona API to the data, after the checks the real API
 * makes (token, rate limit, parameter rules), and records what it saw.
 */
final class SandboxApi implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxApi.class);
    private static final Pattern ID = Pattern.compile("[0-9]{1,11}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<Integer> STATUSES = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16);
    private static final Pattern APPOINTMENT_STATUS = Pattern.compile("/appointments/([^/]+)/status");
    private static final Pattern BY_ID = Pattern.compile("/(payments|invoices|patients)/([^/]+)");

    private final String basePath;
    private final Clock clock;
    private final SandboxAccounts accounts;
    private final SandboxData data;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<SandboxFault> faults = new CopyOnWriteArrayList<>();

    private final SandboxApiShape shape;

    SandboxApi(String basePath, Clock clock, SandboxAccounts accounts, SandboxData data, SandboxApiShape shape) {
        this.shape = shape;
        this.basePath = basePath;
        this.clock = clock;
        this.accounts = accounts;
        this.data = data;
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    void clearRequests() {
        requests.clear();
    }

    void addFault(SandboxFault fault) {
        faults.add(fault);
    }

    void clearFaults() {
        faults.clear();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath().substring(basePath.length());
        if (path.isEmpty()) {
            path = "/";
        }
        Map<String, String> query = parseQuery(uri.getRawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String token = exchange.getRequestHeaders().getFirst(shape.tokenHeader());
        java.time.Instant at = clock.instant();

        Reply reply;
        SandboxFault fault = takeFault(method, path);
        if (fault != null) {
            fault.awaitRelease();
        }
        if (fault != null && fault.kind() == SandboxFault.Kind.DROP) {
            requests.add(new RecordedRequest(method, path, query, headers, body, token, at, -1));
            exchange.close();
            return;
        }
        if (fault != null && fault.kind() == SandboxFault.Kind.DELAY) {
            sleep(fault.delay().toMillis());
        }
        if (fault != null && fault.kind() == SandboxFault.Kind.STATUS) {
            reply = new Reply(fault.status(), fault.body());
        } else if (fault != null && fault.kind() == SandboxFault.Kind.MALFORMED_JSON) {
            reply = new Reply(200, fault.body());
        } else {
            try {
                reply = route(method, path, query, body, token);
            } catch (SandboxRejection e) {
                reply = error(e.status(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Sandbox failed on {} {}", method, path, e);
                reply = error(500, "Internal error: " + e.getClass().getSimpleName());
            }
        }
        if (fault != null && fault.kind() == SandboxFault.Kind.REWRITE) {
            reply = new Reply(reply.status(), fault.rewrite(reply.body()), reply.headers());
        }
        requests.add(new RecordedRequest(method, path, query, headers, body, token, at, reply.status()));
        if (fault != null && fault.kind() == SandboxFault.Kind.DRIP) {
            drip(exchange, reply, fault.delay().toMillis());
            return;
        }
        send(exchange, reply, method);
    }

    /** Writes the reply a byte at a time; a client that gives up closes the connection and the drip ends. */
    private static void drip(HttpExchange exchange, Reply reply, long millisPerByte) {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                sleep(millisPerByte);
            }
        } catch (IOException e) {
            // the client hung up
        } finally {
            exchange.close();
        }
    }

    private Reply route(String method, String path, Map<String, String> query, String body, String token) {
        if (path.equals(shape.loginPath())) {
            requireMethod(method, "POST");
            return login(body);
        }
        String[] line = shape.toInferred(method, path);
        if (line == null || (path.equals("/login") && !shape.loginPath().equals("/login"))) {
            throw new SandboxRejection(404, "No such endpoint: " + method + " " + path);
        }
        method = line[0];
        path = line[1];
        authenticate(token);
        Matcher m;
        switch (path) {
            case "/practices":
                requireMethod(method, "GET");
                return ok(data.practices());
            case "/clinicians":
                requireMethod(method, "GET");
                return ok(data.clinicians(optionalId(query, "practiceId"), optionalId(query, "appointmentTypeId")));
            case "/appointment-types":
                requireMethod(method, "GET");
                return ok(data.appointmentTypes(optionalId(query, "practiceId"), clinicianType(query, false),
                        bool(query, "includeDisabled"), bool(query, "onsiteOnly"), bool(query, "remoteOnly")));
            case "/find-appointment-slots":
                requireMethod(method, "GET");
                return findSlots(query);
            case "/appointments":
                requireMethod(method, "POST");
                return ok(data.createAppointment(appointmentRequest(body)));
            case "/payments/search":
                requireMethod(method, "GET");
                return ok(data.searchPayments(optionalId(query, "patientId"), fromDate(query), toDate(query)));
            case "/invoices/search":
                requireMethod(method, "GET");
                return ok(data.searchInvoices(optionalId(query, "patientId"), fromDate(query), toDate(query)));
            default:
                break;
        }
        if ((m = APPOINTMENT_STATUS.matcher(path)).matches()) {
            requireMethod(method, "PUT");
            long appointmentId = id("appointmentId", m.group(1));
            Map<String, Object> request = jsonObject(body);
            Object status = request.get("appointmentStatusId");
            if (status == null) {
                throw new SandboxRejection(400, "appointmentStatusId is required");
            }
            return ok(data.updateAppointmentStatus(appointmentId, status(status)));
        }
        if ((m = BY_ID.matcher(path)).matches()) {
            requireMethod(method, "GET");
            String kind = m.group(1);
            String name = kind.substring(0, kind.length() - 1);
            long id = id(name + "Id", m.group(2));
            Map<String, Object> record = switch (kind) {
                case "payments" -> data.payment(id);
                case "invoices" -> data.invoice(id);
                default -> data.patient(id);
            };
            if (record == null) {
                throw new SandboxRejection(404, Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + id + " not found");
            }
            return ok(record);
        }
        throw new SandboxRejection(404, "No such endpoint: " + method + " " + path);
    }

    private Reply login(String body) {
        Map<String, Object> request = jsonObject(body);
        String username = request.get(shape.usernameField()) instanceof String s ? s : null;
        String password = request.get(shape.passwordField()) instanceof String s ? s : null;
        if (accounts.knowsUser(username) && !accounts.countRequest(username)) {
            throw new SandboxRejection(429, "Rate limit exceeded: your token has been invalidated");
        }
        if (!accounts.checkPassword(username, password)) {
            throw new SandboxRejection(401, "Invalid username or password");
        }
        SandboxAccounts.Token token = accounts.issueToken(username);
        Reply reply = new Reply(200, "");
        reply.headers.put(shape.tokenHeader(), token.value());
        return reply;
    }

    private void authenticate(String token) {
        SandboxAccounts.TokenState state = accounts.check(token);
        String user = accounts.userOf(token);
        if (user != null && state != SandboxAccounts.TokenState.INVALIDATED && !accounts.countRequest(user)) {
            throw new SandboxRejection(429, "Rate limit exceeded: your token has been invalidated");
        }
        switch (state) {
            case VALID:
                return;
            case MISSING:
                throw new SandboxRejection(401, "Missing " + shape.tokenHeader() + " header");
            case EXPIRED:
                throw new SandboxRejection(401, "Token expired");
            case INVALIDATED:
                throw new SandboxRejection(401, "Token invalidated");
            default:
                throw new SandboxRejection(401, "Invalid token");
        }
    }

    private Reply findSlots(Map<String, String> query) {
        Long clinicianId = optionalId(query, "clinicianId");
        Integer clinicianTypeId = clinicianType(query, false);
        if ((clinicianId == null) == (clinicianTypeId == null)) {
            throw new SandboxRejection(400, "Either clinicianId or clinicianTypeId must be supplied, but not both");
        }
        Long practiceId = optionalId(query, "practiceId");
        if (clinicianTypeId != null && practiceId == null) {
            throw new SandboxRejection(400, "practiceId is required with clinicianTypeId");
        }
        long appointmentTypeId = id("appointmentTypeId", required(query, "appointmentTypeId"));
        LocalDate searchStart = date("searchStart", required(query, "searchStart"));
        String tod = required(query, "timeOfDay");
        if (!tod.matches("[0-3]")) {
            throw new SandboxRejection(400, "Invalid timeOfDay: " + tod);
        }
        return ok(data.findSlots(clinicianId, clinicianTypeId, practiceId, appointmentTypeId, searchStart,
                Integer.parseInt(tod)));
    }

    private Map<String, Object> appointmentRequest(String body) {
        Map<String, Object> request = jsonObject(body);
        for (String field : List.of("practiceId", "userId", "appointmentTypeId", "patientId")) {
            Object value = request.get(field);
            if (value == null) {
                throw new SandboxRejection(400, field + " is required");
            }
            request.put(field, id(field, value.toString()));
        }
        Object status = request.get("appointmentStatusId");
        if (status == null) {
            throw new SandboxRejection(400, "appointmentStatusId is required");
        }
        request.put("appointmentStatusId", status(status));
        Object duration = request.get("duration");
        if (duration == null || !duration.toString().matches("[0-9]{1,6}") || Integer.parseInt(duration.toString()) < 1) {
            throw new SandboxRejection(400, "duration must be 1-999999 minutes");
        }
        request.put("duration", Integer.parseInt(duration.toString()));
        Object time = request.get("appointmentTime");
        try {
            OffsetDateTime.parse(String.valueOf(time));
        } catch (DateTimeParseException e) {
            throw new SandboxRejection(400, "appointmentTime must be an ISO-8601 date-time with offset");
        }
        Object emergency = request.get("emergency");
        if (emergency != null && !(emergency instanceof Boolean)) {
            throw new SandboxRejection(400, "emergency must be true or false");
        }
        return request;
    }

    // ------------------------------------------------------------------ parameter rules

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new SandboxRejection(400, name + " is required");
        }
        return value;
    }

    private static Long optionalId(Map<String, String> query, String name) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? null : id(name, value);
    }

    private static long id(String name, String value) {
        if (!ID.matcher(value).matches() || Long.parseLong(value) < 1) {
            throw new SandboxRejection(400, "Invalid " + name + ": " + value);
        }
        return Long.parseLong(value);
    }

    private static Integer clinicianType(Map<String, String> query, boolean required) {
        String value = required ? required(query, "clinicianTypeId") : query.get("clinicianTypeId");
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("[0-9]{1,2}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 16) {
            throw new SandboxRejection(400, "Invalid clinicianTypeId: " + value);
        }
        return Integer.parseInt(value);
    }

    private static int status(Object value) {
        String text = value.toString();
        if (!text.matches("[0-9]{1,2}") || !STATUSES.contains(Integer.parseInt(text))) {
            throw new SandboxRejection(400, "Invalid appointmentStatusId: " + text);
        }
        return Integer.parseInt(text);
    }

    private static boolean bool(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new SandboxRejection(400, "Invalid " + name + ": " + value);
        }
        return Boolean.parseBoolean(value);
    }

    private static LocalDate date(String name, String value) {
        try {
            if (DATE.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the rejection
        }
        throw new SandboxRejection(400, "Invalid " + name + ": " + value + " (expected yyyy-MM-dd)");
    }

    /** As the API page says: no start date means the first day of the current month. */
    private LocalDate fromDate(Map<String, String> query) {
        String value = query.get("fromDate");
        return value == null || value.isEmpty() ? data.today().withDayOfMonth(1) : date("fromDate", value);
    }

    /** As the API page says: no end date means today. */
    private LocalDate toDate(Map<String, String> query) {
        String value = query.get("toDate");
        return value == null || value.isEmpty() ? data.today() : date("toDate", value);
    }

    private static void requireMethod(String method, String expected) {
        if (!expected.equals(method)) {
            throw new SandboxRejection(405, "Method " + method + " not allowed here; use " + expected);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonObject(String body) {
        try {
            Object value = json.readValue(body == null || body.isBlank() ? "null" : body, Object.class);
            if (value instanceof Map<?, ?> map) {
                return new LinkedHashMap<>((Map<String, Object>) map);
            }
        } catch (JsonProcessingException e) {
            throw new SandboxRejection(400, "The request body is not valid JSON");
        }
        throw new SandboxRejection(400, "The request body must be a JSON object");
    }

    // ------------------------------------------------------------------ transport

    private SandboxFault takeFault(String method, String path) {
        for (SandboxFault fault : faults) {
            if (fault.matches(method, path) && fault.take()) {
                if (fault.usedUp()) {
                    faults.remove(fault);
                }
                return fault;
            }
        }
        return null;
    }

    private Reply ok(Object value) {
        try {
            return new Reply(200, json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply error(int status, String message) {
        try {
            return new Reply(status, json.writeValueAsString(Map.of("status", status, "error", message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, Reply reply, String method) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Reply(int status, String body, Map<String, String> headers) {
        Reply(int status, String body) {
            this(status, body, new LinkedHashMap<>());
        }
    }
}
