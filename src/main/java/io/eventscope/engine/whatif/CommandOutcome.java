package io.eventscope.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonDiff;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.event.JsonValues;

/**
 * One command, as it happened and as the branch decides it. {@code original} is null for the
 * inserted command and a saga's new reactions, {@code branch} for a command the branch never
 * issued. {@code diff} is an RFC 6902 patch from the original events to the branch's
 * ({@code [{"type","data"}]} each), empty when they are the same.
 */
public record CommandOutcome(CommandEnvelope command, String streamId, Decided original, Decided branch,
                             Verdict verdict, JsonNode diff) {

    static CommandOutcome inserted(CommandEnvelope command, String streamId, Decided branch) {
        return new CommandOutcome(command, streamId, null, branch, Verdict.INSERTED,
                JsonDiff.asJson(Decided.rejected("").eventsJson(), branch.eventsJson()));
    }

    static CommandOutcome reaction(CommandEnvelope command, String streamId, Decided branch) {
        return new CommandOutcome(command, streamId, null, branch, Verdict.REACTION,
                JsonDiff.asJson(Decided.rejected("").eventsJson(), branch.eventsJson()));
    }

    static CommandOutcome notIssued(CommandEnvelope command, String streamId, Decided original) {
        return new CommandOutcome(command, streamId, original, null, Verdict.NOT_ISSUED,
                JsonDiff.asJson(original.eventsJson(), Decided.rejected("").eventsJson()));
    }

    static CommandOutcome compared(CommandEnvelope command, String streamId, Decided original, Decided branch) {
        JsonNode before = original.eventsJson();
        JsonNode after = branch.eventsJson();
        Verdict verdict;
        if (original.accepted() && !branch.accepted()) {
            verdict = Verdict.NOW_REJECTED;
        } else if (!original.accepted() && branch.accepted()) {
            verdict = Verdict.NOW_ACCEPTED;
        } else if (original.accepted()) {
            verdict = JsonValues.same(before, after) ? Verdict.SAME : Verdict.DIFFERENT;
        } else {
            verdict = original.reason().equals(branch.reason()) ? Verdict.SAME : Verdict.DIFFERENT;
        }
        JsonNode diff = verdict == Verdict.SAME ? JsonDiff.asJson(before, before) : JsonDiff.asJson(before, after);
        return new CommandOutcome(command, streamId, original, branch, verdict, diff);
    }
}
