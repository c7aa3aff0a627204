package io.eventscope.engine.store;

import java.util.List;

/**
 * What {@link StoreVerifier} found. {@code sound} means the log keeps its invariants (stream
 * versions contiguous from 1, positions strictly increasing without gaps, event ids unique).
 * Causation ids that point at neither an event nor a known command are listed apart: they
 * break a causation chain, not the store. Lists keep the first {@value StoreVerifier#MAX_LISTED}
 * of each kind; the counts are complete.
 */
public record VerificationReport(
        boolean sound,
        long events,
        long streams,
        long headPosition,
        long findingCount,
        List<Finding> findings,
        long danglingCausationCount,
        List<Finding> danglingCausations) {

    public VerificationReport {
        findings = List.copyOf(findings);
        danglingCausations = List.copyOf(danglingCausations);
    }

    /** One problem: what kind, the position of the event it was seen at (0 for the log as a whole), and what. */
    public record Finding(String kind, long position, String detail) {
    }
}
