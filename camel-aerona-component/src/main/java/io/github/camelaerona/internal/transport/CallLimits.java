package io.github.camelaerona.internal.transport;

import java.time.Duration;

/**
 * How long one request may take and how large its reply may be.
 *
 * @param responseTimeout the longest wait for each read of the reply ({@code socketTimeout})
 * @param callTimeout     the longest time from sending to the last byte of the reply ({@code callTimeout})
 * @param maxReplySize    the largest reply body read, in bytes ({@code maxReplySize})
 */
public record CallLimits(Duration responseTimeout, Duration callTimeout, long maxReplySize) {
}
