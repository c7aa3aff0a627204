package io.eventscope.bridge;

import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ImportedEvent;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.StreamAppend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Consumed events into the store, idempotent by event id: what arrives together is appended in
 * one commit; when the store refuses the batch, each event is tried alone to find which it
 * refuses and why. A refusal (a version that does not follow on yet) may pass on a later attempt.
 */
public final class StoreDestination implements Destination {
    private final EventStore store;

    public StoreDestination(EventStore store) {
        this.store = store;
    }

    @Override
    public Set<String> alreadyTaken(List<String> eventIds) {
        return store.positionsOf(eventIds).keySet();
    }

    @Override
    public List<String> take(List<ImportedEvent> events) {
        String[] refusals = new String[events.size()];
        try {
            store.appendAll(appends(events));
        } catch (RuntimeException batchRefused) {
            for (int i = 0; i < events.size(); i++) {
                try {
                    store.appendAll(appends(List.of(events.get(i))));
                } catch (RuntimeException e) {
                    refusals[i] = e.getMessage() != null ? e.getMessage() : e.toString();
                }
            }
        }
        return Arrays.asList(refusals);
    }

    @Override
    public boolean refusalsMayPass() {
        return true;
    }

    @Override
    public ConsumedMessage.Outcome takenOutcome() {
        return ConsumedMessage.Outcome.STORED;
    }

    /** Consecutive events of one stream go in one append; an envelope must land at its version, others at the end. */
    private static List<StreamAppend> appends(List<ImportedEvent> events) {
        List<StreamAppend> appends = new ArrayList<>();
        String stream = null;
        long firstVersion = 0;
        long nextVersion = 0;
        List<NewEvent> run = new ArrayList<>();
        for (ImportedEvent e : events) {
            boolean continues = e.streamId().equals(stream) && (e.version() == 0 ? firstVersion == 0 : e.version() == nextVersion);
            if (!continues && !run.isEmpty()) {
                appends.add(new StreamAppend(stream, expected(firstVersion), run));
                run = new ArrayList<>();
            }
            if (!continues) {
                stream = e.streamId();
                firstVersion = e.version();
            }
            run.add(e.event());
            nextVersion = e.version() + 1;
        }
        appends.add(new StreamAppend(stream, expected(firstVersion), run));
        return appends;
    }

    private static ExpectedVersion expected(long firstVersion) {
        return firstVersion == 0 ? ExpectedVersion.ANY : ExpectedVersion.exactly(firstVersion - 1);
    }
}
