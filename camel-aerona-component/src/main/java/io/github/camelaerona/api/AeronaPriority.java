package io.github.camelaerona.api;

import java.util.Locale;

/**
 * How urgent a call is for the account's rate budget. Waiting calls are granted highest priority first, in arrival
 * order within one priority; a {@link #BACKGROUND} call never takes one of the last {@code interactiveReserve} slots
 * of the window, so an interactive call finds a slot at once unless interactive calls alone use the budget.
 */
public enum AeronaPriority {
    /** Someone is waiting for the answer: a patient booking on a web page, the front desk. */
    INTERACTIVE,
    /** The default for producers. */
    NORMAL,
    /** Batch work: polling consumers, the readiness check, nightly syncs. */
    BACKGROUND;

    /** The priority named by an option or header value, in any case; null when it names none. */
    public static AeronaPriority parse(Object value) {
        if (value instanceof AeronaPriority priority) {
            return priority;
        }
        if (value == null) {
            return null;
        }
        try {
            // exactly one of the names, in any case: a value with spaces or line breaks around it is refused, not trimmed
            return valueOf(value.toString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** As written in options and headers. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
