package io.eventscope.engine.projection;

/**
 * One projection as a person checks it. {@code lag} is head minus checkpoint, in events;
 * {@code parkedPosition} and {@code lastError} are set while it is parked (the error also
 * stays after a skip until the next failure or rebuild); {@code rebuildDone} of
 * {@code rebuildTotal} shows a rebuild in progress (both 0 when none runs).
 */
public record ProjectionStatus(String name, ProjectionState state, int generation, long checkpoint, long head,
                               Long parkedPosition, String lastError, long skipped,
                               long rebuildDone, long rebuildTotal) {

    public long lag() {
        return Math.max(0, head - checkpoint);
    }

    public boolean rebuilding() {
        return rebuildTotal > 0;
    }
}
