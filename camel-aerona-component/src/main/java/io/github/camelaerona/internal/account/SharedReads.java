package io.github.camelaerona.internal.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.github.camelaerona.internal.transport.HttpCall;

/**
 * The reads of one account that can do without a request of their own: an identical read already in flight (its
 * request and reply are shared), and the reference data the account keeps ({@code referenceDataTtl}). Keyed by the
 * call as it goes on the wire (method, path and encoded query), so two reads are identical exactly when their
 * checked parameters are.
 */
final class SharedReads {

    /** Replies kept at most per account; reference data is a few lists per practice. */
    static final int MAX_KEPT = 512;

    private record InFlight(CompletableFuture<SentCall> reply, CallTag tag) {
    }

    private record Kept(SentCall sent, long atMillis) {
    }

    private final Map<HttpCall, InFlight> inFlight = new ConcurrentHashMap<>();
    /** Oldest first, so the first to go when full is the one kept longest. */
    private final LinkedHashMap<HttpCall, Kept> kept = new LinkedHashMap<>();
    private final Clock clock;
    private final BudgetAccounting accounting;

    SharedReads(Clock clock, BudgetAccounting accounting) {
        this.clock = clock;
        this.accounting = accounting;
    }

    /**
     * Joins an identical read in flight, or sends this one and lets later identical reads join it until its reply
     * arrived. A read joins one of its own priority or a higher one; a more urgent read sends its own request, so it
     * never waits for the budget at a lower priority than its own.
     *
     * @param resumeOn where a read that joined goes on once the reply is there: each on its own, not one after the
     *                 other on the thread that received the reply
     */
    CompletableFuture<SentCall> send(HttpCall call, CallTag tag, Executor resumeOn,
            Supplier<CompletableFuture<SentCall>> sender) {
        CompletableFuture<SentCall> mine = new CompletableFuture<>();
        InFlight own = new InFlight(mine, tag);
        while (true) {
            InFlight running = inFlight.putIfAbsent(call, own);
            if (running == null) {
                break;
            }
            if (running.tag().priority().compareTo(tag.priority()) <= 0) {
                accounting.shared(tag);
                return running.reply().handleAsync((sent, failure) -> {
                    if (failure != null) {
                        throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                    }
                    return sent.as(SentCall.Origin.SHARED, 0);
                }, resumeOn);
            }
            if (inFlight.replace(call, running, own)) {
                break;
            }
        }
        CompletableFuture<SentCall> sent;
        try {
            sent = sender.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((reply, failure) -> {
            // gone before the reply is handed out: a read that starts now asks Aerona again
            inFlight.remove(call, own);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(reply);
            }
        });
        return mine;
    }

    /**
     * The reply kept for this call if it is younger than {@code ttl}, counted as a call saved; else null.
     *
     * @param remainingNow the budget's free slots now, which the kept reply reports (it took none)
     */
    SentCall kept(HttpCall call, Duration ttl, CallTag tag, int remainingNow) {
        Kept entry;
        synchronized (kept) {
            entry = kept.get(call);
        }
        if (entry == null) {
            return null;
        }
        long age = clock.millis() - entry.atMillis();
        // a clock set back makes the age negative: the reply's age is unknown, so it is not used
        if (age < 0 || age >= ttl.toMillis()) {
            return null;
        }
        accounting.fromKept(tag);
        return new SentCall(entry.sent().reply(), remainingNow, 0, SentCall.Origin.KEPT, age);
    }

    /** Keeps a good reply of reference data that was sent for this call, replacing the one kept before. */
    void keep(HttpCall call, SentCall sent) {
        synchronized (kept) {
            kept.remove(call);
            kept.put(call, new Kept(sent, clock.millis()));
            Iterator<HttpCall> oldest = kept.keySet().iterator();
            while (kept.size() > MAX_KEPT) {
                oldest.next();
                oldest.remove();
            }
        }
    }
}
