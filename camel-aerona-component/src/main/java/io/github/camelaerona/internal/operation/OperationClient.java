package io.github.camelaerona.internal.operation;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelaerona.internal.account.AccountLease;
import io.github.camelaerona.internal.account.CallTag;
import io.github.camelaerona.internal.account.SentCall;
import io.github.camelaerona.api.AeronaApiException;
import io.github.camelaerona.api.AeronaException;
import io.github.camelaerona.api.AeronaRateLimitException;
import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.internal.transport.ReplyLimitException;

/**
 * The one way a request reaches Aerona, for the producer and the polling consumer alike: through the endpoint's
 * lease on the account (token, budget, connections), with failures turned into exceptions that name the operation.
 */
public final class OperationClient {

    private final AccountLease lease;
    private final CallObserver observer;
    private final ReadSettings reads;

    public OperationClient(AccountLease lease, CallObserver observer, ReadSettings reads) {
        this.lease = lease;
        this.observer = observer;
        this.reads = reads;
    }

    /**
     * Sends the request; completes with Aerona's reply whatever its status, or fails with an {@link AeronaException}
     * (Aerona unreachable, login refused, no slot in the rate budget).
     *
     * @param route    the route (or endpoint) the call is for, as the budget's accounting names it
     * @param priority the call's priority for the rate budget
     */
    public CompletableFuture<OperationReply> send(AeronaRequest request, String route, AeronaPriority priority) {
        return send(request, route, priority, false);
    }

    /**
     * Sends the request, unless its reply can come without one: a kept reply of reference data younger than
     * {@code referenceDataTtl} (not when {@code refresh}), or an identical read in flight ({@code coalesceReads}).
     *
     * @param refresh ask Aerona even if a kept reply is young enough, and keep the new one
     */
    public CompletableFuture<OperationReply> send(AeronaRequest request, String route, AeronaPriority priority,
            boolean refresh) {
        OperationSpec spec = OperationSpecs.of(request.operation());
        CallTag tag = new CallTag(request.operation().name(), route, priority);
        boolean keeps = reads.keeps(spec);
        if (keeps && !refresh) {
            SentCall kept = lease.kept(request.call(), reads.referenceDataTtl(), tag);
            if (kept != null) {
                observer.finished(request.operation().name(), "success", -1);
                return CompletableFuture.completedFuture(reply(request, kept));
            }
        }
        CompletableFuture<SentCall> sending = reads.coalesce() && spec.isRead()
                ? lease.sendOrShare(request.call(), tag) : lease.send(request.call(), tag);
        return sending.handle((sent, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                observer.finished(request.operation().name(),
                        cause instanceof AeronaRateLimitException ? "gave_up" : "failure", -1);
                throw new CompletionException(failure(request.operation().name(), cause));
            }
            int status = sent.reply().status();
            observer.finished(request.operation().name(), status >= 200 && status < 300 ? "success"
                    : status >= 400 && status < 500 ? "client_error" : "server_error",
                    sent.origin() == SentCall.Origin.SENT ? sent.budgetWaitedMillis() : -1);
            OperationReply reply = reply(request, sent);
            if (keeps && sent.origin() == SentCall.Origin.SENT && reply.isReadable()) {
                lease.keep(request.call(), sent);
            }
            return reply;
        });
    }

    private static OperationReply reply(AeronaRequest request, SentCall sent) {
        return new OperationReply(request, sent.reply().status(), sent.reply().body(), sent.budgetRemaining(),
                sent.budgetWaitedMillis(), sent.origin(), sent.ageMillis());
    }

    /**
     * Whether a call of this priority would wait for the budget now (a poller skips its poll then); counted as a
     * skipped poll of the route when it would.
     */
    public boolean skipPollWhileBusy(String route, AeronaPriority priority, String operation) {
        if (!lease.account().budgetBusy(priority)) {
            return false;
        }
        lease.pollSkipped(new CallTag(operation, route, priority));
        return true;
    }

    /** The exception a caller sees for a call that got no reply. */
    public static RuntimeException failure(String operation, Throwable cause) {
        if (cause instanceof AeronaException aerona) {
            return aerona;
        }
        if (cause instanceof ReplyLimitException limit) {
            return limit.limit() == ReplyLimitException.Limit.MAX_REPLY_SIZE
                    ? new AeronaApiException(operation, limit.status(), null, "The call failed: " + limit.getMessage() + ".")
                    : new AeronaException("Aerona operation " + operation + " failed: " + limit.getMessage()
                            + "; nothing is retried", limit);
        }
        if (cause instanceof IOException io) {
            return new AeronaException("Aerona operation " + operation + " could not reach Aerona: " + io, io);
        }
        return cause instanceof RuntimeException e ? e : new AeronaException("Aerona operation " + operation + " failed", cause);
    }

    public AccountLease lease() {
        return lease;
    }
}
