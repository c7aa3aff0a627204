package io.eventscope.engine.projection;

/** What a projection is doing between events. */
public enum ProjectionState {
    /** Applying events as they are appended. */
    LIVE,
    /** Stopped by a person; resumes from its checkpoint. */
    PAUSED,
    /** Stopped at an event that failed; waits for a person to retry or skip it. */
    PARKED
}
