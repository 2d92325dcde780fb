package io.github.camelaerona.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelaerona.AeronaAuthenticationException;
import io.github.camelaerona.AeronaJson;
import io.github.camelaerona.AeronaRateLimiter;
import io.github.camelaerona.http.AeronaHttpTransport;
import io.github.camelaerona.http.HttpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Aerona account's token and rate budget, shared by every endpoint of the account in the JVM. It logs in once
 * however many callers need a token at the same time, renews the token shortly before its hour is up, and on a
 * 401 logs in again and repeats the request once. Every request, the logins too, passes the rate limiter first.
 */
public final class AeronaSession {

    /** Aerona's tokens live one hour from the login. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(AeronaSession.class);

    private final String account;
    private volatile AeronaRateLimiter limiter;
    private final Clock clock;
    private volatile Duration renewMargin;
    private final AtomicLong logins = new AtomicLong();
    private Token current;
    private CompletableFuture<String> loginInFlight;

    AeronaSession(String account, AeronaRateLimiter limiter, Duration renewMargin, Clock clock) {
        this.account = account;
        this.limiter = limiter;
        this.renewMargin = renewMargin;
        this.clock = clock;
    }

    /**
     * Sends a request with the account's token, logging in first when needed; completes with Aerona's reply, or
     * fails with an IOException, an authentication or a rate-limit exception.
     */
    public CompletableFuture<HttpReply> execute(Caller caller, String method, String pathAndQuery, String jsonBody) {
        return withToken(caller, token -> send(caller, method, pathAndQuery, jsonBody, token)
                .thenCompose(reply -> {
                    if (reply.status() != 401) {
                        return CompletableFuture.completedFuture(reply);
                    }
                    // expired or invalidated: one fresh login (shared with whoever saw the same token fail), one retry
                    LOG.debug("Aerona answered 401 for {} {}; logging in again for {}", method, pathAndQuery, account);
                    invalidate(token);
                    return withToken(caller, fresh -> send(caller, method, pathAndQuery, jsonBody, fresh));
                }));
    }

    /**
     * Runs the call with a token. A token at hand runs it on this thread; one that must wait for a login runs it on
     * the caller's executor, so the callers that waited for one login do not queue behind each other on its thread.
     */
    private CompletableFuture<HttpReply> withToken(Caller caller, Function<String, CompletableFuture<HttpReply>> call) {
        CompletableFuture<String> token = token(caller);
        return token.isDone() ? token.thenCompose(call) : token.thenComposeAsync(call, caller.executor());
    }

    /** Makes sure a token is held, logging in (once, shared) if needed; for health checks. */
    public CompletableFuture<Void> login(Caller caller) {
        return token(caller).thenApply(token -> null);
    }

    /** The current token if it is good for a while yet, else the (single, shared) login that renews it. */
    CompletableFuture<String> token(Caller caller) {
        CompletableFuture<String> login;
        synchronized (this) {
            if (current != null && clock.instant().isBefore(current.renewAt)) {
                return CompletableFuture.completedFuture(current.value);
            }
            if (loginInFlight != null) {
                return loginInFlight;
            }
            login = new CompletableFuture<>();
            loginInFlight = login;
        }
        // the hour counts from when the login was sent: Aerona's clock started no earlier
        Instant startedAt = clock.instant();
        withPermit(caller, () -> caller.transport().send("POST", "/login", loginBody(caller), null))
                .whenComplete((reply, failure) -> {
                    Throwable error = failure;
                    if (error == null && (!reply.isSuccess() || reply.token() == null || reply.token().isBlank())) {
                        error = new AeronaAuthenticationException(account, reply.status(), reply.body());
                    }
                    synchronized (this) {
                        loginInFlight = null;
                        if (error == null) {
                            logins.incrementAndGet();
                            current = new Token(reply.token(), startedAt.plus(TOKEN_LIFETIME).minus(renewMargin));
                        }
                    }
                    if (error == null) {
                        LOG.debug("Logged in to Aerona as {}", account);
                        login.complete(reply.token());
                    } else {
                        login.completeExceptionally(error);
                    }
                });
        return login;
    }

    /** Forgets the token if it is still the one that failed, so callers that saw the same failure log in once. */
    synchronized void invalidate(String token) {
        if (current != null && current.value.equals(token)) {
            current = null;
        }
    }

    private CompletableFuture<HttpReply> send(Caller caller, String method, String pathAndQuery, String body, String token) {
        return withPermit(caller, () -> caller.transport().send(method, pathAndQuery, body, token));
    }

    /**
     * Runs a blocking call once the limiter grants a slot, and releases the slot when the call is over. A slot granted
     * at once runs on the caller's thread; one granted later runs on the caller's executor, so waiting holds no
     * thread and the limiter's timer never blocks.
     */
    private CompletableFuture<HttpReply> withPermit(Caller caller, IoCall call) {
        CompletableFuture<AeronaRateLimiter.Permit> permit = limiter.acquire(caller.maxWait());
        Function<AeronaRateLimiter.Permit, HttpReply> run = p -> {
            try {
                return call.run();
            } catch (IOException e) {
                throw new CompletionException(e);
            } finally {
                p.release();
            }
        };
        return permit.isDone() ? permit.thenApply(run) : permit.thenApplyAsync(run, caller.executor());
    }

    private static String loginBody(Caller caller) {
        ObjectNode body = AeronaJson.mapper().createObjectNode();
        body.put("username", caller.username());
        body.put("password", caller.password());
        return body.toString();
    }

    public String account() {
        return account;
    }

    public AeronaRateLimiter limiter() {
        return limiter;
    }

    void replaceLimiter(AeronaRateLimiter limiter) {
        this.limiter = limiter;
    }

    void renewMargin(Duration margin) {
        this.renewMargin = margin;
    }

    /** Successful logins since the session started. */
    public long logins() {
        return logins.get();
    }

    /** Whether a token is held that is not due for renewal. */
    public synchronized boolean hasValidToken() {
        return current != null && clock.instant().isBefore(current.renewAt);
    }

    @Override
    public String toString() {
        return "AeronaSession[" + account + "]";
    }

    private record Token(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    @FunctionalInterface
    private interface IoCall {
        HttpReply run() throws IOException;
    }

    /**
     * Who is calling: the endpoint's transport and credentials, where to run calls that waited, and how long to wait
     * for the rate budget.
     */
    public record Caller(AeronaHttpTransport transport, String username, String password, Executor executor,
            Duration maxWait) {
        @Override
        public String toString() {
            return "Caller[" + username + "@" + transport.baseUrl() + "]";
        }
    }
}
