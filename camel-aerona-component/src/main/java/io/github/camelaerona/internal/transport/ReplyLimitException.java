package io.github.camelaerona.internal.transport;

import java.io.IOException;

/** A request went past one of its {@link CallLimits}: its reply was too large, or came too slowly. */
public final class ReplyLimitException extends IOException {

    /** Which limit was passed. */
    public enum Limit {
        /** The reply was larger than {@code maxReplySize}. */
        MAX_REPLY_SIZE,
        /** The reply was not complete within {@code callTimeout}. */
        CALL_TIMEOUT
    }

    private final Limit limit;
    private final int status;

    public ReplyLimitException(Limit limit, int status, String message) {
        super(message);
        this.limit = limit;
        this.status = status;
    }

    public Limit limit() {
        return limit;
    }

    /** The reply's HTTP status, or 0 when none had arrived. */
    public int status() {
        return status;
    }
}
