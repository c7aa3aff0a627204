package io.eventscope.app.whatif;

/** One field of a stream's final state, as it is and as the branch leaves it. */
public record StateRow(String streamId, String field, String original, String branch, boolean differs) {
}
