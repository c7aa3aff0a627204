package io.eventscope.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonDiff;
import io.eventscope.engine.timeline.ChangedPaths;

/**
 * A stream's final state as it is and as the branch leaves it, with the RFC 6902 operations
 * from one to the other. {@code foldedBy} is the aggregate type, null for a JSON-merge stream.
 */
public record StateComparison(String streamId, String foldedBy, JsonNode original, JsonNode branch, JsonNode diff) {

    static StateComparison of(String streamId, String foldedBy, JsonNode original, JsonNode branch) {
        return new StateComparison(streamId, foldedBy, original, branch, JsonDiff.asJson(original, branch));
    }

    public boolean differs() {
        return !diff.isEmpty();
    }

    /** The fields that differ, to highlight in either state. */
    public ChangedPaths differingFields() {
        return ChangedPaths.of(diff);
    }
}
