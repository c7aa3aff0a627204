package io.eventscope.engine.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that only the simulation moves: a run of a thousand sagas takes the virtual time it
 * simulates in events' timestamps, not on the wall. Moves forwards only.
 */
public final class VirtualClock extends Clock {
    private Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    /** Moves to {@code instant}; an earlier instant is ignored, so time never runs back. */
    public void moveTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    public Instant after(Duration delay) {
        return now.plus(delay);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a virtual clock runs in UTC");
    }
}
