package io.eventscope.bridge;

/**
 * What a publish run did: how many events the broker confirmed, from which position, and the
 * last confirmed position (the checkpoint the next run resumes after). {@code cancelled} when
 * it was stopped before the head.
 */
public record PublishReport(long published, long fromPosition, long lastPosition, boolean cancelled) {
}
