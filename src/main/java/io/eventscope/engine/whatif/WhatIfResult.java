package io.eventscope.engine.whatif;

import io.eventscope.engine.event.EventEnvelope;
import java.util.List;

/**
 * What a fork found: the streams in scope, every re-decided command in its original order (the inserted one first),
 * every stream's final state both ways, the branch's own log (positions and versions of the
 * branch, so it can be scrubbed like a store) and notes on what could not be re-decided.
 */
public record WhatIfResult(Fork fork, List<String> streams, List<CommandOutcome> outcomes, List<StateComparison> states,
                           List<EventEnvelope> branchLog, List<String> notes) {

    public WhatIfResult {
        streams = List.copyOf(streams);
        outcomes = List.copyOf(outcomes);
        states = List.copyOf(states);
        branchLog = List.copyOf(branchLog);
        notes = List.copyOf(notes);
    }

    /** Whether anything came out otherwise than it did. */
    public boolean differs() {
        return outcomes.stream().anyMatch(o -> o.verdict() != Verdict.SAME)
                || states.stream().anyMatch(StateComparison::differs);
    }

    /** Whether any command was decided again: false when the scope has no decider or no command after the fork. */
    public boolean redecided() {
        return !outcomes.isEmpty();
    }
}
