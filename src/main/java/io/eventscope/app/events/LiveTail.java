package io.eventscope.app.events;

import io.eventscope.app.FxBatcher;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The live tail: events matching the filter that arrive after the scan, handed to the table in
 * batches on the FX thread, or held back and counted while paused.
 */
final class LiveTail {
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyIntegerWrapper held = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper arrivals = new ReadOnlyIntegerWrapper();
    private final List<EventSummary> heldEvents = new ArrayList<>();
    private Subscription live;
    private EventRowList list;
    private Consumer<List<EventSummary>> onArrived = batch -> { };
    private Runnable onAdded = () -> { };
    private int generation;

    LiveTail() {
        paused.addListener((obs, was, now) -> {
            if (!now) {
                releaseHeld();
            }
        });
    }

    /**
     * Follows the log from {@code fromPosition} into {@code rows}; {@code arrived} sees every batch
     * (held or not), {@code added} runs after rows were added.
     */
    void start(EventStore store, EventFilter filter, long fromPosition, EventRowList rows,
               Consumer<List<EventSummary>> arrived, Runnable added) {
        stop();
        int gen = generation;
        list = rows;
        onArrived = arrived;
        onAdded = added;
        heldEvents.clear();
        held.set(0);
        FxBatcher<EventSummary> batcher = new FxBatcher<>(batch -> arrived(gen, batch));
        Predicate<EventEnvelope> matches = filter.predicate();
        live = store.subscribe(fromPosition, e -> {
            if (matches.test(e)) {
                batcher.add(EventSummary.of(e));
            }
        });
    }

    /** Stops following; batches still on their way are dropped. */
    void stop() {
        generation++;
        if (live != null) {
            live.cancel();
            live = null;
        }
    }

    private void arrived(int gen, List<EventSummary> batch) {
        if (gen != generation) {
            return;
        }
        onArrived.accept(batch);
        if (paused.get()) {
            heldEvents.addAll(batch);
            held.set(heldEvents.size());
            return;
        }
        add(batch);
    }

    private void releaseHeld() {
        if (list == null || heldEvents.isEmpty()) {
            return;
        }
        List<EventSummary> release = List.copyOf(heldEvents);
        heldEvents.clear();
        held.set(0);
        add(release);
    }

    private void add(List<EventSummary> batch) {
        list.append(batch);
        onAdded.run();
        arrivals.set(arrivals.get() + 1);
    }

    BooleanProperty paused() {
        return paused;
    }

    ReadOnlyIntegerProperty held() {
        return held.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty arrivals() {
        return arrivals.getReadOnlyProperty();
    }
}
