package io.eventscope.bridge;

/**
 * What a publish run did: how many events the broker confirmed, from which position, and the
 * last position up to which it confirmed every event (the checkpoint the next run resumes
 * after). {@code cancelled} when it stopped before the head; {@code reconnects} counts the
 * connections lost and opened again on the way (what was unconfirmed then went out again).
 */
public record PublishReport(long published, long fromPosition, long lastPosition, boolean cancelled, int reconnects) {
}
