package io.eventscope.engine.io;

import io.eventscope.engine.domain.CommandJournal;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.LogPages;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.StreamAppend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies one store into an empty one, of any backend: every event as stored (ids, types,
 * versions, schema versions, timestamps, JSON, metadata) at the same position, then the
 * command journal in its order. Pages of the log go in one atomic append each, so a copy
 * that stops halfway leaves a prefix of the source, which a re-run recognises and finishes.
 * The source should be quiet meanwhile: commands journaled during a copy may be missed.
 */
public final class StoreCopy {
    private static final int PAGE = 2_000;

    private final EventStore from;
    private final CommandJournal fromJournal;
    private final EventStore to;
    private final CommandJournal toJournal;

    public StoreCopy(EventStore from, CommandJournal fromJournal, EventStore to, CommandJournal toJournal) {
        this.from = from;
        this.fromJournal = fromJournal;
        this.to = to;
        this.toJournal = toJournal;
    }

    /** What was copied. */
    public record Report(long events, long commands, boolean cancelled) {
    }

    /** Copies the events (progress counts them), then the journal; stops between pages when cancelled. */
    public Report copy(ProgressMonitor monitor) {
        long total = from.headPosition();
        long[] copied = {copiedBefore()};
        LogPages.forEach(from, EventFilter.ALL, copied[0] + 1, PAGE, page -> {
            if (monitor.isCancelled()) {
                return false;
            }
            appendAsStored(page);
            copied[0] = page.get(page.size() - 1).position();
            monitor.progress(copied[0], total);
            return true;
        });
        return monitor.isCancelled() ? new Report(copied[0], 0, true) : new Report(copied[0], copyJournal(), false);
    }

    /** The head of an earlier copy that stopped halfway, 0 for an empty target; anything else is refused. */
    private long copiedBefore() {
        long head = to.headPosition();
        if (head == 0 && toJournal.count() == 0) {
            return 0;
        }
        Optional<String> last = to.eventAt(head).map(EventEnvelope::eventId);
        if (head == 0 || last.isEmpty() || !last.equals(from.eventAt(head).map(EventEnvelope::eventId))) {
            throw new EventStoreException("The target store " + to.describe() + " is not empty (" + head + " events, "
                    + toJournal.count() + " journaled commands) and is not a partial copy of " + from.describe()
                    + ": copy into a new, empty store.");
        }
        return head;
    }

    /** One append per run of events of the same stream, all in one atomic call, checked to land where they were. */
    private void appendAsStored(List<EventEnvelope> page) {
        List<StreamAppend> appends = new ArrayList<>();
        List<NewEvent> run = new ArrayList<>();
        EventEnvelope runStart = null;
        for (EventEnvelope e : page) {
            if (runStart != null && !runStart.streamId().equals(e.streamId())) {
                appends.add(new StreamAppend(runStart.streamId(), ExpectedVersion.exactly(runStart.version() - 1), run));
                run = new ArrayList<>();
                runStart = null;
            }
            if (runStart == null) {
                runStart = e;
            }
            run.add(new NewEvent(e.eventId(), e.eventType(), e.aggregateType(), e.aggregateId(), e.schemaVersion(),
                    e.timestamp(), e.data(), e.metadata()));
        }
        appends.add(new StreamAppend(runStart.streamId(), ExpectedVersion.exactly(runStart.version() - 1), run));
        List<AppendResult> results = to.appendAll(appends);
        long last = results.get(results.size() - 1).position();
        long expected = page.get(page.size() - 1).position();
        if (last != expected) {
            throw new EventStoreException("Copying into " + to.describe() + " put the event at position " + expected
                    + " of " + from.describe() + " at position " + last + ": the source has gaps or the target"
                    + " was written to meanwhile.");
        }
    }

    /**
     * Oldest first, so the target's journal lists commands in the same order. Recording an
     * entry replaces one with its command id, so a re-run after a stop ends in the same order.
     */
    private long copyJournal() {
        int count = (int) fromJournal.count();
        for (int start = 0; start < count; start += PAGE) {
            int end = Math.min(count, start + PAGE);
            List<JournalEntry> newestFirst = fromJournal.recent(count - end, end - start);
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                toJournal.record(newestFirst.get(i));
            }
        }
        return count;
    }
}
