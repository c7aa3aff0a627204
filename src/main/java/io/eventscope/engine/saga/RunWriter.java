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
 * Stores a run made in memory: its journal first (so no reader meets an event whose command is
 * missing), then its events in position order, a page per atomic append, with their ids,
 * timestamps and metadata. Every stream must be new to the target: each append expects the
 * version the stream had in memory, so a clash fails naming the stream.
 */
public final class RunWriter {
    private static final int PAGE = 5_000;

    private RunWriter() {
    }

    /** Returns how many events were written. */
    public static long write(EventStore from, CommandJournal fromJournal, EventStore to, CommandJournal toJournal,
                             ProgressMonitor progress) {
        List<JournalEntry> entries = new ArrayList<>(fromJournal.recent(0, (int) fromJournal.count()));
        Collections.reverse(entries);
        for (int i = 0; i < entries.size(); i += PAGE) {
            toJournal.recordAll(entries.subList(i, Math.min(entries.size(), i + PAGE)));
        }
        long total = from.count(EventFilter.ALL);
        long written = 0;
        for (List<EventEnvelope> page = from.read(EventFilter.ALL, 1, PAGE, Direction.FORWARDS); !page.isEmpty();
             page = from.read(EventFilter.ALL, page.get(page.size() - 1).position() + 1, PAGE, Direction.FORWARDS)) {
            to.appendAll(appends(page));
            written += page.size();
            progress.progress(written, total);
        }
        return written;
    }

    /** Runs of one stream's consecutive events become one append each. */
    private static List<StreamAppend> appends(List<EventEnvelope> page) {
        List<StreamAppend> appends = new ArrayList<>();
        List<NewEvent> run = new ArrayList<>();
        EventEnvelope first = null;
        for (EventEnvelope e : page) {
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
