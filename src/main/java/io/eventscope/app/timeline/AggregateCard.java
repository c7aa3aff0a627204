package io.eventscope.app.timeline;

/**
 * One aggregate in correlation mode: its stream, the version it is at, its state as text, and
 * the event of the current step when that event landed in this stream.
 */
public record AggregateCard(String streamId, long version, String stateJson, String eventHere) {

    public boolean changedHere() {
        return eventHere != null;
    }

    public String title() {
        return streamId + " · v" + version + (changedHere() ? " · ← " + eventHere : "");
    }
}
