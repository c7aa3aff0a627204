package io.eventscope.engine.upcast;

import java.util.List;
import java.util.Map;

/**
 * What upcasting the whole store would do. Counts are per event type and schema version
 * ({@code {"OrderCreated": {"1": 40, "3": 260}}}), before and after upcasting; failed events
 * count under their stored form only. {@code failures} lists the first
 * {@link UpcastDryRun#MAX_LISTED_FAILURES}; {@code failureCount} counts them all.
 */
public record DryRunReport(
        long scanned,
        long changed,
        long failureCount,
        Map<String, Map<Integer, Long>> stored,
        Map<String, Map<Integer, Long>> upcasted,
        List<UpcastFailure> failures,
        boolean cancelled) {

    public DryRunReport {
        failures = List.copyOf(failures);
    }
}
