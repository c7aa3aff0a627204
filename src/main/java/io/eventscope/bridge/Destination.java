package io.eventscope.bridge;

import io.eventscope.engine.io.ImportedEvent;
import java.util.List;
import java.util.Set;

/**
 * Where a consumer puts the events it has mapped: the store ({@link StoreDestination}) or the
 * event bus ({@link BusDestination}). The consumer acknowledges a message only after its
 * destination has taken the event.
 */
public interface Destination {
    /** The ids among these that the destination has already taken: redeliveries. */
    Set<String> alreadyTaken(List<String> eventIds);

    /**
     * Takes these events, as many in one go as it can; returns one entry per event, in order:
     * null when taken, else the reason it was refused.
     */
    List<String> take(List<ImportedEvent> events);

    /** Whether a refused event may be taken on a later attempt; if not, it is dead-lettered at once. */
    boolean refusalsMayPass();

    /** What a taken event is, for the person watching. */
    ConsumedMessage.Outcome takenOutcome();
}
