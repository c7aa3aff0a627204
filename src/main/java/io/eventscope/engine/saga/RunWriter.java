package io.eventscope.engine.saga;

import io.eventscope.engine.domain.CommandJournal;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.StreamAppend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Stores a run made in memory: its journal and its events, in position order with their ids,
 * timestamps and metadata, in one transaction where the target journal shares the store's
 * database (see {@link CommandJournal#recordWithEvents}): a crash or a failure while storing
 * leaves the whole run or none of it. Every stream must be new to the target: each append
 * expects the version the stream had in memory, so a clash fails naming the stream.
 */
public final class RunWriter {
    private RunWriter() {
    }

    /** Returns how many events were written. */
    public static long write(EventStore from, CommandJournal fromJournal, EventStore to, CommandJournal toJournal,
                             ProgressMonitor progress) {
        List<JournalEntry> entries = new ArrayList<>(fromJournal.recent(0, (int) fromJournal.count()));
        Collections.reverse(entries);
        List<EventEnvelope> events = from.read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS);
        progress.progress(0, events.size());
        toJournal.recordWithEvents(entries, to, appends(events));
        progress.progress(events.size(), events.size());
        return events.size();
    }

    /** Runs of one stream's consecutive events become one append each. */
    private static List<StreamAppend> appends(List<EventEnvelope> events) {
        List<StreamAppend> appends = new ArrayList<>();
        List<NewEvent> run = new ArrayList<>();
        EventEnvelope first = null;
        for (EventEnvelope e : events) {
            if (first != null && !first.streamId().equals(e.streamId())) {
                appends.add(new StreamAppend(first.streamId(), ExpectedVersion.exactly(first.version() - 1), run));
                run = new ArrayList<>();
                first = null;
            }
            if (first == null) {
                first = e;
            }
            run.add(new NewEvent(e.eventId(), e.eventType(), e.aggregateType(), e.aggregateId(), e.schemaVersion(),
                    e.timestamp(), e.data(), e.metadata()));
        }
        if (first != null) {
            appends.add(new StreamAppend(first.streamId(), ExpectedVersion.exactly(first.version() - 1), run));
        }
        return appends;
    }
}
