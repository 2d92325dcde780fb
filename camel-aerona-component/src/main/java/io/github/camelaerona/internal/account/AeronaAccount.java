package io.github.camelaerona.internal.account;

import io.github.camelaerona.api.BudgetReport;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelaerona.api.AeronaLoginException;
import io.github.camelaerona.api.AeronaRateLimitException;
import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaRateLimiter;
import io.github.camelaerona.internal.transport.AeronaHttpTransport;
import io.github.camelaerona.internal.transport.HttpCall;
import io.github.camelaerona.internal.transport.HttpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Aerona account in the JVM: its credentials, its token and its rate budget. It logs
 * in once however many callers need a token at the same time, renews the token shortly before its hour is up, and
 * on a 401 logs in again and repeats the request once. Every request, logins too, passes the rate budget first.
 * Endpoints never hold an account directly: they take an {@link AccountLease} from {@link AeronaAccounts}, and the
 * account lets go of the JVM's shared connections and threads when it closes (after its last lease, once its
 * window drained).
 */
public final class AeronaAccount {

    /** Aerona's tokens live one hour from the login. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(AeronaAccount.class);

    private final AccountKey key;
    private final AccountSettings settings;
    private final AeronaHttpTransport transport;
    /** The JVM's shared scheduler and budget workers, held while the account is open. */
    private final AccountThreads threads;
    private final ScheduledExecutorService timer;
    private volatile AeronaRateLimiter limiter;
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong loginFailures = new AtomicLong();
    private final BudgetAccounting accounting;
    private final SharedReads reads;
    private Token current;
    private CompletableFuture<String> loginInFlight;
    private final Set<AccountLease> openLeases = ConcurrentHashMap.newKeySet();
    /** After a refused login: its exception, and until when (System.nanoTime) no new login is sent. */
    private AeronaLoginException refusedLogin;
    private long noLoginBefore;
    private int refusedInARow;
    /** Until when (System.nanoTime) the account counts as in use: a period after its last request ended. */
    private volatile long usedUntilNanos = System.nanoTime();
    /** The pending check whether the window drained, if any. */
    private java.util.concurrent.ScheduledFuture<?> drainCheck;
    /** Leases held; guarded by {@link AeronaAccounts}. */
    int leases;

    AeronaAccount(AccountKey key, AccountSettings settings) {
        this.key = key;
        this.settings = settings;
        this.threads = AccountThreads.acquire();
        this.timer = threads.scheduler();
        this.transport = new AeronaHttpTransport(settings.transport(), timer);
        this.limiter = limiterFor(settings.budget());
        this.accounting = new BudgetAccounting(key.toString(), limiter instanceof AccountRateLimiter own ? own.period()
                : settings.budget().period(), settings.budget().waitWarning());
        this.reads = new SharedReads(settings.clock(), accounting);
    }

    /** Sends a call with the account's token, logging in first when needed; see {@link AccountLease#send}. */
    CompletableFuture<SentCall> send(HttpCall call, AccountLease lease, CallTag tag) {
        return withToken(lease, tag, token -> sendWith(call, token, lease, tag, BudgetAccounting.Kind.CALL)
                .thenCompose(sent -> {
                    if (sent.reply().status() != 401) {
                        return CompletableFuture.completedFuture(sent);
                    }
                    // expired or invalidated: one fresh login (shared with whoever saw the same token fail), one retry
                    LOG.debug("Aerona answered 401 for {}; logging in again for {}", call, key);
                    invalidate(token);
                    return withToken(lease, tag, fresh -> sendWith(call, fresh, lease, tag, BudgetAccounting.Kind.RETRY));
                }));
    }

    /** Makes sure a token is held, logging in (once, shared) if needed. */
    CompletableFuture<Void> login(AccountLease lease, CallTag tag) {
        return token(lease, tag).thenApply(token -> null);
    }

    /**
     * Runs the call with a token. A token at hand runs it on this thread; one that must wait for a login runs it on
     * the caller's executor, so the callers that waited for one login do not queue behind each other on its thread.
     */
    private CompletableFuture<SentCall> withToken(AccountLease lease, CallTag tag,
            Function<String, CompletableFuture<SentCall>> call) {
        CompletableFuture<String> token = token(lease, tag);
        return token.isDone() ? token.thenCompose(call) : token.thenComposeAsync(call, lease.terms().resumeOn());
    }

    /** The current token if it is good for a while yet, else the (single, shared) login that renews it. */
    private CompletableFuture<String> token(AccountLease lease, CallTag tag) {
        CompletableFuture<String> login;
        synchronized (this) {
            if (current != null && settings.clock().instant().isBefore(current.renewAt)) {
                return CompletableFuture.completedFuture(current.value);
            }
            if (loginInFlight != null) {
                return loginInFlight;
            }
            if (refusedLogin != null && System.nanoTime() - noLoginBefore < 0) {
                // backing off after a refused login: a storm of logins would spend the budget and change nothing
                return CompletableFuture.failedFuture(refusedLogin);
            }
            login = new CompletableFuture<>();
            loginInFlight = login;
        }
        // the hour counts from when the login was sent: Aerona's clock started no earlier
        Instant startedAt = settings.clock().instant();
        CompletableFuture<HttpReply> reply;
        try {
            reply = withPermit(lease, tag, BudgetAccounting.Kind.LOGIN,
                    () -> transport.send(loginCall(), null, lease.terms().limits())).thenApply(SentCall::reply);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((r, failure) -> {
            Throwable error = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            if (error == null && !r.isSuccess()) {
                error = LoginFailures.of(key, r.status(), withoutCredentials(r.body()));
            } else if (error == null && (r.token() == null || r.token().isBlank())) {
                error = new AeronaLoginException(r.status(), withoutCredentials(r.body()),
                        "Aerona answered the login of " + key + " with HTTP " + r.status() + " but without the "
                        + settings.transport().tokenHeader() + " header that carries the token (option tokenHeader).");
            }
            synchronized (this) {
                loginInFlight = null;
                if (error != null) {
                    loginFailures.incrementAndGet();
                }
                if (error == null) {
                    logins.incrementAndGet();
                    current = new Token(r.token(), startedAt.plus(TOKEN_LIFETIME).minus(settings.tokenRenewMargin()));
                    refusedLogin = null;
                    refusedInARow = 0;
                } else if (error instanceof AeronaLoginException refused) {
                    backOff(refused);
                }
            }
            if (error == null) {
                LOG.debug("Logged in to Aerona as {}", key);
                login.complete(r.token());
            } else {
                login.completeExceptionally(error);
            }
        });
        return login;
    }

    /** loginBackoff, doubled for each refusal in a row, at most the budget's period. */
    private void backOff(AeronaLoginException refused) {
        Duration base = settings.loginBackoff();
        if (base.isZero()) {
            return;
        }
        refusedInARow++;
        Duration period = settings.budget().period();
        Duration cap = period.compareTo(base) > 0 ? period : base;
        Duration wait = base;
        for (int i = 1; i < refusedInARow && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        wait = wait.compareTo(cap) > 0 ? cap : wait;
        refusedLogin = refused;
        noLoginBefore = System.nanoTime() + wait.toNanos();
        LOG.warn("No new login to Aerona as {} for {} s (loginBackoff); until then calls fail at once, unsent. {}", key,
                wait.toSeconds(), refused.getMessage());
    }

    /** How long no login is attempted yet after a refused one; zero when none is refused or the wait is over. */
    public synchronized Duration loginBackoffRemaining() {
        long left = refusedLogin == null ? 0 : noLoginBefore - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Forgets the token if it is still the one that failed, so callers that saw the same failure log in once. */
    private synchronized void invalidate(String token) {
        if (current != null && current.value.equals(token)) {
            current = null;
        }
    }

    private CompletableFuture<SentCall> sendWith(HttpCall call, String token, AccountLease lease, CallTag tag,
            BudgetAccounting.Kind kind) {
        return withPermit(lease, tag, kind, () -> transport.send(call, token, lease.terms().limits()));
    }

    /**
     * Runs a blocking call once the budget grants a slot, and releases the slot when the call is over. A slot granted
     * at once runs on the caller's thread; one granted later runs on the caller's executor, so waiting holds no
     * thread and the budget's timer never blocks. A limiter that throws fails this call only.
     */
    private CompletableFuture<SentCall> withPermit(AccountLease lease, CallTag tag, BudgetAccounting.Kind kind,
            IoCall call) {
        CompletableFuture<AeronaRateLimiter.Permit> permit;
        long asked = System.nanoTime();
        // a login belongs to the account: calls of other leases (other CamelContexts) may wait for it, so the
        // lease that happened to start it cannot end its wait when it stops, and it goes on where a lease still runs
        boolean accountWork = kind == BudgetAccounting.Kind.LOGIN;
        try {
            CompletableFuture<AeronaRateLimiter.Permit> granted = limiter.acquire(lease.terms().maxWait(), tag.priority());
            permit = accountWork ? granted : lease.waitFor(granted);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        boolean grantedAtOnce = permit.isDone();
        Function<AeronaRateLimiter.Permit, SentCall> run = p -> {
            if (p instanceof ExpiringPermit expiring && !expiring.usable()) {
                expiring.unused();
                throw new StalePermit();
            }
            try {
                long waited = grantedAtOnce ? 0 : System.nanoTime() - asked;
                if (!grantedAtOnce) {
                    accounting.waited(tag, waited, waitingCalls());
                }
                accounting.sent(tag, kind);
                int remaining = limiter.availablePermits();
                return new SentCall(call.run(), remaining, TimeUnit.NANOSECONDS.toMillis(waited));
            } catch (IOException e) {
                throw new CompletionException(e);
            } finally {
                p.release();
                usedUntilNanos = System.nanoTime() + settings.budget().period().toNanos();
            }
        };
        // counted before the caller hears of the failure
        CompletableFuture<AeronaRateLimiter.Permit> counted = permit.whenComplete((p, failure) -> {
            if (failure instanceof AeronaRateLimitException || failure instanceof CompletionException c
                    && c.getCause() instanceof AeronaRateLimitException) {
                accounting.failedAtMaxWait(tag);
            }
        });
        Executor resumeOn = accountWork ? onAnOpenLease(lease) : lease.terms().resumeOn();
        CompletableFuture<SentCall> sent;
        if (grantedAtOnce) {
            sent = counted.thenApply(run);
        } else {
            // a failed wait too goes on on the caller's executor: the scheduler that ended it serves every account
            sent = counted.handleAsync((p, failure) -> {
                if (failure != null) {
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                }
                return run.apply(p);
            }, resumeOn);
        }
        // a slot granted too long before its send (the JVM was paused) is not used: the call asks for another
        return sent.exceptionallyCompose(failure -> failure instanceof StalePermit
                || failure instanceof CompletionException c && c.getCause() instanceof StalePermit
                        ? withPermit(lease, tag, kind, call) : CompletableFuture.failedFuture(failure));
    }

    /** The slot came too late to be used; see {@link ExpiringPermit}. */
    private static final class StalePermit extends RuntimeException {
        StalePermit() {
            super("The rate budget's slot was granted too long ago to be used", null, false, false);
        }
    }

    /** The starting lease's executor while it takes work, else that of another lease still open. */
    private Executor onAnOpenLease(AccountLease starter) {
        return work -> {
            for (AccountLease lease : leasesStartingWith(starter)) {
                try {
                    lease.terms().resumeOn().execute(work);
                    return;
                } catch (RejectedExecutionException stopped) {
                    // that lease's CamelContext stopped; try the next
                }
            }
            work.run(); // no lease left: the account is closing, and the work only ends the login
        };
    }

    private List<AccountLease> leasesStartingWith(AccountLease first) {
        List<AccountLease> all = new ArrayList<>();
        all.add(first);
        openLeases.stream().filter(l -> l != first).forEach(all::add);
        return all;
    }

    /** An endpoint that uses the account now, for messages. */
    String anEndpoint() {
        return openLeases.stream().findFirst().map(l -> l.terms().endpoint()).orElse("an endpoint");
    }

    void opened(AccountLease lease) {
        openLeases.add(lease);
    }

    void closed(AccountLease lease) {
        openLeases.remove(lease);
    }

    private int waitingCalls() {
        return limiter instanceof AccountRateLimiter own ? own.waiting() : -1;
    }

    /** Where the budget went in its current window. */
    public BudgetReport budgetReport() {
        return accounting.report(waitingCalls());
    }

    /** A login reply as it may be quoted: a server that echoes the request must not leak the credentials. */
    private String withoutCredentials(String body) {
        if (body == null) {
            return null;
        }
        String password = settings.password();
        String cleaned = body;
        if (password != null && !password.isEmpty()) {
            cleaned = cleaned.replace(password, "****");
            String escaped = JsonNodeFactory.instance.textNode(password).toString();
            cleaned = cleaned.replace(escaped.substring(1, escaped.length() - 1), "****");
        }
        // the username only where it stands as a whole value, so words that contain its letters stay readable
        return cleaned.replaceAll("(?<![\\w.@+-])" + java.util.regex.Pattern.quote(key.username()) + "(?![\\w.@+-])", "****");
    }

    private HttpCall loginCall() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put(settings.login().loginUsernameField(), key.username());
        body.put(settings.login().loginPasswordField(), settings.password());
        return new HttpCall("POST", settings.login().loginPath(), body.toString());
    }

    /**
     * A later lease's budget joins the account's: the strictest limit wins (with a warning), a second limiter bean
     * or a different shared store is ignored (with a warning).
     */
    void joinBudget(AccountSettings.Budget budget) {
        AeronaRateLimiter now = limiter;
        if (budget.customLimiter() != null) {
            if (budget.customLimiter() != now) {
                LOG.warn("Aerona account {} already has a rate limiter; a second rateLimiter bean for it is ignored", key);
            }
            return;
        }
        if (budget.unlimited()) {
            return;
        }
        if (budget.sharedStore() != null && budget.sharedStore() != settings.budget().sharedStore()) {
            LOG.warn("Aerona account {} already keeps its budget {}; a second budgetDataSource for it is ignored", key,
                    settings.budget().sharedStore() == null ? "in the JVM" : "in another database");
        }
        if (now instanceof UnlimitedRateLimiter) {
            LOG.warn("Aerona account {} was unthrottled; an endpoint asks for {} requests per {}, which now applies",
                    key, budget.limit(), budget.period());
            limiter = ownLimiter(budget);
        } else if (now instanceof AccountRateLimiter own
                && (own.limit() != budget.limit() || !own.period().equals(budget.period()))) {
            own.restrictTo(budget.limit(), budget.period());
            accounting.window(own.period());
            LOG.warn("Endpoints of Aerona account {} ask for different rate limits; all share the strictest: {} requests per {}",
                    key, own.limit(), own.period());
        }
    }

    private AeronaRateLimiter limiterFor(AccountSettings.Budget budget) {
        if (budget.customLimiter() != null) {
            return budget.customLimiter();
        }
        return budget.unlimited() ? UnlimitedRateLimiter.INSTANCE : ownLimiter(budget);
    }

    private AccountRateLimiter ownLimiter(AccountSettings.Budget budget) {
        if (budget.sharedStore() != null) {
            return new JdbcRateLimiter(budget.sharedStore(), key.toString(), budget.limit(), budget.period(),
                    budget.maxCallTime(), budget.interactiveReserve(), timer, threads.budgetWorkers());
        }
        SlidingWindowRateLimiter own = new SlidingWindowRateLimiter(key.toString(), budget.limit(), budget.period(),
                budget.interactiveReserve(), timer, System::nanoTime, settings.clock()::millis, budget.maxCallTime());
        if (budget.journal() != null) {
            BudgetJournal journal = new BudgetJournal(budget.journal());
            journal.lock();
            List<Long> held;
            try {
                held = journal.load(settings.clock().millis(), budget.maxCallTime().plus(budget.period()));
            } catch (RuntimeException e) {
                journal.unlock();
                throw e;
            }
            own.carryOver(held);
            own.keepIn(journal);
            if (!held.isEmpty()) {
                LOG.info("Aerona account {} resumes its window from {}: {} of {} slots still held", key, journal.file(),
                        held.size(), budget.limit());
            }
        }
        return own;
    }

    /**
     * Takes over the window of a closed account of the same key (it had other settings): its slots stay counted.
     * Only the in-JVM budget holds its window here; a database or a user's bean keeps it themselves.
     */
    void carryOver(AeronaAccount before) {
        if (limiter instanceof SlidingWindowRateLimiter own && before.limiter instanceof SlidingWindowRateLimiter old) {
            own.carryOver(old.window());
        }
    }

    /**
     * How long until the account can go: its in-JVM window drained, and a period since its last request ended
     * whatever the budget (a shared or user's budget keeps its window elsewhere, but a route that names the account
     * per message must not lose the token, and log in again, after every call).
     */
    Duration drainsIn() {
        Duration window = limiter instanceof AccountRateLimiter own ? own.drainsIn() : Duration.ZERO;
        long sinceUse = usedUntilNanos - System.nanoTime();
        Duration use = sinceUse > 0 ? Duration.ofNanos(sinceUse) : Duration.ZERO;
        return window.compareTo(use) >= 0 ? window : use;
    }

    /**
     * Runs the task on the scheduler after the delay, unless a run is already pending: an account whose calls each
     * lease it (a route that names the account per message) would otherwise queue one check per call.
     */
    synchronized void later(Runnable task, Duration delay) {
        if (drainCheck != null) {
            return;
        }
        drainCheck = timer.schedule(() -> {
            synchronized (this) {
                drainCheck = null;
            }
            task.run();
        }, delay.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    AccountSettings settings() {
        return settings;
    }

    /** The calls still waiting for the budget fail; the shared connections and threads are given back. */
    void close() {
        synchronized (this) {
            if (drainCheck != null) {
                drainCheck.cancel(false);
                drainCheck = null;
            }
        }
        if (limiter instanceof AccountRateLimiter own) {
            own.close();
        }
        transport.close();
        AccountThreads.release(threads);
    }

    public AccountKey key() {
        return key;
    }

    public AeronaRateLimiter limiter() {
        return limiter;
    }

    /** Logins that failed (refused, unanswered or without a token), since the account opened. */
    public long loginFailures() {
        return loginFailures.get();
    }

    /** The budget's limit per period; -1 for a rateLimiter bean or no budget. */
    public int limit() {
        return limiter instanceof AccountRateLimiter own ? own.limit() : -1;
    }

    /**
     * Whether a call of this priority would have to wait for a slot now: calls of its priority or a higher one wait
     * already, or no slot it may take is free. Always false for a rateLimiter bean or no budget (it cannot tell).
     */
    public boolean budgetBusy(AeronaPriority priority) {
        return limiter instanceof AccountRateLimiter own && own.wouldWait(priority);
    }

    /** The budget's period: how long a slot stays taken. */
    public Duration budgetPeriod() {
        return limiter instanceof AccountRateLimiter own ? own.period() : settings.budget().period();
    }

    /** The budget's free slots now; -1 when the budget cannot tell. */
    int availablePermits() {
        return limiter.availablePermits();
    }

    SharedReads reads() {
        return reads;
    }

    BudgetAccounting accounting() {
        return accounting;
    }

    /** Calls of this priority waiting for a slot now; -1 when the budget is a rateLimiter bean or none. */
    public int waiting(AeronaPriority priority) {
        return limiter instanceof AccountRateLimiter own ? own.waiting(priority) : -1;
    }

    /** Successful logins since the account was opened. */
    public long logins() {
        return logins.get();
    }

    /** Whether a token is held that is not due for renewal. */
    public synchronized boolean hasValidToken() {
        return current != null && settings.clock().instant().isBefore(current.renewAt);
    }

    @Override
    public String toString() {
        return "AeronaAccount[" + key + "]";
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
}
