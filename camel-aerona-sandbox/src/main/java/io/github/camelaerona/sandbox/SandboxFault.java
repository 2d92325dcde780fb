package io.github.camelaerona.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A fault the sandbox injects into the next matching requests: a delay before the normal answer, a
 * fixed status and body, a dropped connection, a reply that is not valid JSON, the normal reply rewritten, or the
 * normal reply dripped out a byte at a time.
 */
public final class SandboxFault {

    public enum Kind {
        DELAY, STATUS, DROP, MALFORMED_JSON, REWRITE, DRIP
    }

    private final Kind kind;
    private final Duration delay;
    private final int status;
    private final String body;
    private UnaryOperator<String> rewrite = UnaryOperator.identity();
    private String method;
    private String pathPrefix = "/";
    private final AtomicInteger remaining = new AtomicInteger(1);
    /** Set by {@link #held()}: matching requests wait for it before they are answered. */
    private java.util.concurrent.CountDownLatch release;
    private final AtomicInteger holding = new AtomicInteger();

    private SandboxFault(Kind kind, Duration delay, int status, String body) {
        this.kind = kind;
        this.delay = delay;
        this.status = status;
        this.body = body;
    }

    /** Answers normally, but only after the delay. */
    public static SandboxFault delay(Duration delay) {
        return new SandboxFault(Kind.DELAY, Objects.requireNonNull(delay), 0, null);
    }

    /** Answers with this status and body instead of the normal answer. */
    public static SandboxFault status(int status, String body) {
        return new SandboxFault(Kind.STATUS, Duration.ZERO, status, body == null ? "" : body);
    }

    /** Closes the connection without answering. */
    public static SandboxFault dropConnection() {
        return new SandboxFault(Kind.DROP, Duration.ZERO, 0, null);
    }

    /** Answers 200 with a body that is not valid JSON. */
    public static SandboxFault malformedJson() {
        return new SandboxFault(Kind.MALFORMED_JSON, Duration.ZERO, 200, "{\"id\": 1, \"amount\": ");
    }

    /**
     * Answers normally, but with the reply's body changed by the function: a record in a form the real API might
     * send one day (a date the component cannot read, a number as text), or a login reply that echoes the request.
     */
    public static SandboxFault rewriteReply(UnaryOperator<String> rewrite) {
        SandboxFault fault = new SandboxFault(Kind.REWRITE, Duration.ZERO, 0, null);
        fault.rewrite = Objects.requireNonNull(rewrite);
        return fault;
    }

    /** Answers normally, but writes the reply one byte every {@code perByte}, as a congested or hostile server would. */
    public static SandboxFault drip(Duration perByte) {
        return new SandboxFault(Kind.DRIP, Objects.requireNonNull(perByte), 0, null);
    }

    /**
     * Answers normally, but only once the test calls {@link #release()}: requests it holds are in flight for as
     * long as the test needs (at most a minute, so a test that forgets cannot hang the sandbox).
     */
    public static SandboxFault hold() {
        return delay(Duration.ZERO).held();
    }

    /** Holds the matching requests until {@link #release()} before giving them this fault's answer. */
    public SandboxFault held() {
        this.release = new java.util.concurrent.CountDownLatch(1);
        return this;
    }

    /** Lets the held requests go on to their answers, and every later one through at once. */
    public void release() {
        if (release != null) {
            release.countDown();
        }
    }

    /** How many requests the fault holds now. */
    public int holding() {
        return holding.get();
    }

    /** Waits for {@link #release()} if the fault holds requests. */
    void awaitRelease() {
        if (release == null) {
            return;
        }
        holding.incrementAndGet();
        try {
            release.await(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            holding.decrementAndGet();
        }
    }

    /** Only requests with this method (GET, POST, PUT). */
    public SandboxFault method(String method) {
        this.method = method;
        return this;
    }

    /** Only requests whose path starts with this prefix (such as {@code /payments}). */
    public SandboxFault path(String pathPrefix) {
        this.pathPrefix = pathPrefix;
        return this;
    }

    /** How many matching requests get the fault (1 unless set). */
    public SandboxFault times(int times) {
        this.remaining.set(times);
        return this;
    }

    /** Every matching request gets the fault until the sandbox's faults are cleared. */
    public SandboxFault always() {
        this.remaining.set(Integer.MAX_VALUE);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    Duration delay() {
        return delay;
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }

    String rewrite(String reply) {
        return rewrite.apply(reply);
    }

    boolean matches(String method, String path) {
        return (this.method == null || this.method.equalsIgnoreCase(method)) && path.startsWith(pathPrefix);
    }

    /** Takes one use of the fault; false once it is used up. */
    boolean take() {
        return remaining.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0;
    }

    boolean usedUp() {
        return remaining.get() <= 0;
    }
}
