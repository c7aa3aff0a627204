package io.eventscope.engine.upcast;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upcasts every stored event without writing anything and reports what would change. A
 * failing upcaster is recorded with the event's position and the run goes on.
 *
 * <p>The store counts its events per type and schema version (on an index, where it has one)
 * and only the events of stored shapes that an upcaster reads are read and upcast: every other
 * event stays as it is. The report is the one a scan of every event would give.
 */
public final class UpcastDryRun {
    /** Beyond this many, failures are counted but not listed, so a broken upcaster cannot exhaust memory. */
    public static final int MAX_LISTED_FAILURES = 10_000;
    private static final int PAGE = 2_000;
    private static final Comparator<UpcastFailure> BY_POSITION = Comparator.comparingLong(UpcastFailure::position);

    private final EventStore store;
    private final UpcasterChain chain;

    public UpcastDryRun(EventStore store, UpcasterChain chain) {
        this.store = store;
        this.chain = chain;
    }

    /**
     * Progress counts the events read and upcast. A cancelled run reports only the events it
     * read before it stopped.
     */
    public DryRunReport run(ProgressMonitor monitor) {
        long head = store.headPosition();
        Map<String, Map<Integer, Long>> stored = store.countBySchemaVersion(head);
        Upcasting upcasting = new Upcasting(monitor, count(stored, true));
        for (Map.Entry<String, Map<Integer, Long>> type : stored.entrySet()) {
            for (int schemaVersion : type.getValue().keySet()) {
                if (chain.upcasts(type.getKey(), schemaVersion) && !upcasting.readAll(type.getKey(), schemaVersion, head)) {
                    return upcasting.report(upcasting.readCount, upcasting.read, true);
                }
            }
        }
        stored.forEach((type, versions) -> versions.forEach((schemaVersion, n) -> {
            if (!chain.upcasts(type, schemaVersion)) {
                tally(upcasting.upcasted, type, schemaVersion, n);
            }
        }));
        return upcasting.report(count(stored, true) + count(stored, false), stored, false);
    }

    /** How many of the counted events an upcaster reads ({@code upcast}), or leaves as they are. */
    private long count(Map<String, Map<Integer, Long>> stored, boolean upcast) {
        long n = 0;
        for (Map.Entry<String, Map<Integer, Long>> type : stored.entrySet()) {
            for (Map.Entry<Integer, Long> version : type.getValue().entrySet()) {
                if (chain.upcasts(type.getKey(), version.getKey()) == upcast) {
                    n += version.getValue();
                }
            }
        }
        return n;
    }

    private static void tally(Map<String, Map<Integer, Long>> counts, String type, int schemaVersion, long n) {
        counts.computeIfAbsent(type, t -> new TreeMap<>()).merge(schemaVersion, n, Long::sum);
    }

    /** The events read and what upcasting them gave, so far. */
    private final class Upcasting {
        final ProgressMonitor monitor;
        final long toRead;
        final Map<String, Map<Integer, Long>> read = new TreeMap<>();
        final Map<String, Map<Integer, Long>> upcasted = new TreeMap<>();
        final List<UpcastFailure> failures = new ArrayList<>();
        long readCount;
        long changed;
        long failureCount;

        Upcasting(ProgressMonitor monitor, long toRead) {
            this.monitor = monitor;
            this.toRead = toRead;
        }

        /** Reads and upcasts every stored event of one shape up to {@code head}; false when cancelled. */
        boolean readAll(String type, int schemaVersion, long head) {
            long from = 1;
            while (!monitor.isCancelled()) {
                List<EventEnvelope> page = store.readSchemaVersion(type, schemaVersion, from, head, PAGE);
                if (page.isEmpty()) {
                    return true;
                }
                page.forEach(this::upcast);
                keepFirstListedFailures();
                from = page.get(page.size() - 1).position() + 1;
                monitor.progress(readCount, toRead);
            }
            return false;
        }

        private void upcast(EventEnvelope event) {
            readCount++;
            tally(read, event.eventType(), event.schemaVersion(), 1);
            try {
                EventEnvelope current = chain.upcast(event);
                if (current != event) {
                    changed++;
                }
                tally(upcasted, current.eventType(), current.schemaVersion(), 1);
            } catch (UpcastException e) {
                failureCount++;
                failures.add(new UpcastFailure(event.position(), event.eventId(), event.eventType(),
                        event.schemaVersion(), e.upcaster(), e.reason()));
            }
        }

        /** Shapes are read one after another, so failures come out of position order: keep the first by position. */
        private void keepFirstListedFailures() {
            failures.sort(BY_POSITION);
            if (failures.size() > MAX_LISTED_FAILURES) {
                failures.subList(MAX_LISTED_FAILURES, failures.size()).clear();
            }
        }

        DryRunReport report(long scanned, Map<String, Map<Integer, Long>> stored, boolean cancelled) {
            return new DryRunReport(scanned, changed, failureCount, stored, upcasted, failures, cancelled);
        }
    }
}
