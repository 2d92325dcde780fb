package io.github.camelaerona.internal.operation;

import java.time.Duration;

/**
 * How an endpoint's reads may do without a request of their own.
 *
 * @param coalesce         identical reads in flight on the account share one request ({@code coalesceReads})
 * @param referenceDataTtl how long a reply of reference data is good for; zero keeps none ({@code referenceDataTtl})
 */
public record ReadSettings(boolean coalesce, Duration referenceDataTtl) {

    /** Every read sends its own request. */
    public static final ReadSettings OWN_REQUESTS = new ReadSettings(false, Duration.ZERO);

    /** Whether replies of this operation are kept and looked up. */
    boolean keeps(OperationSpec spec) {
        return spec.isReferenceData() && referenceDataTtl.toMillis() > 0;
    }
}
