package io.eventscope.app.sagas;

/** One bar of the latency chart: sagas whose virtual latency fell in {@code label}'s range. */
public record LatencyBucket(String label, long sagas) {
}
