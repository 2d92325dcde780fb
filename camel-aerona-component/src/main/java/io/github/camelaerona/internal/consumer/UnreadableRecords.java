package io.github.camelaerona.internal.consumer;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.BridgeExceptionHandlerToErrorHandler;

/**
 * Where both consumers send a record they cannot read: the consumer's exception handler, which with
 * {@code bridgeErrorHandler=true} is the route's error handler and otherwise logs. Only an error handler that took
 * the record lets the consumer remember it, so a record that was merely logged comes again.
 */
final class UnreadableRecords {

    private UnreadableRecords() {
    }

    /** Hands the record's exchange to the exception handler; true when the route's error handler took it. */
    static boolean takenByErrorHandler(ExceptionHandler handler, Exchange record, Exception problem) {
        handler.handleException(problem.getMessage(), record, problem);
        return handler instanceof BridgeExceptionHandlerToErrorHandler && !record.isFailed()
                && !record.isRollbackOnly();
    }
}
