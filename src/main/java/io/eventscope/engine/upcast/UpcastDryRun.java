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
 * <p>The store counts its events per type and schema version (from an index, where it has
 * one); only the events of a stored shape that an upcaster reads are read and upcast, since
 * every other event stays as it is. The report is the one a scan of every event would give.
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
        Map<String, Map<Integer, Long>> read = new TreeMap<>();
        Map<String, Map<Integer, Long>> upcasted = new TreeMap<>();
        List<UpcastFailure> failures = new ArrayList<>();
        long toRead = 0;
        for (Map.Entry<String, Map<Integer, Long>> type : stored.entrySet()) {
            for (Map.Entry<Integer, Long> version : type.getValue().entrySet()) {
                if (chain.upcasts(type.getKey(), version.getKey())) {
                    toRead += version.getValue();
                }
            }
        }
        long readCount = 0;
        long changed = 0;
        long failureCount = 0;
        for (Map.Entry<String, Map<Integer, Long>> type : stored.entrySet()) {
            for (int schemaVersion : type.getValue().keySet()) {
                if (!chain.upcasts(type.getKey(), schemaVersion)) {
                    continue;
                }
                long from = 1;
                while (true) {
                    if (monitor.isCancelled()) {
                        return new DryRunReport(readCount, changed, failureCount, read, upcasted, failures, true);
                    }
                    List<EventEnvelope> page = store.readSchemaVersion(type.getKey(), schemaVersion, from, head, PAGE);
                    if (page.isEmpty()) {
                        break;
                    }
                    for (EventEnvelope event : page) {
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
                    keepFirstListed(failures);
                    from = page.get(page.size() - 1).position() + 1;
                    monitor.progress(readCount, toRead);
                }
            }
        }
        long scanned = 0;
        for (Map.Entry<String, Map<Integer, Long>> type : stored.entrySet()) {
            for (Map.Entry<Integer, Long> version : type.getValue().entrySet()) {
                scanned += version.getValue();
                if (!chain.upcasts(type.getKey(), version.getKey())) {
                    tally(upcasted, type.getKey(), version.getKey(), version.getValue());
                }
            }
        }
        return new DryRunReport(scanned, changed, failureCount, stored, upcasted, failures, false);
    }

    /** Shapes are read one after another, so failures arrive out of position order: list the first by position. */
    private static void keepFirstListed(List<UpcastFailure> failures) {
        failures.sort(BY_POSITION);
        if (failures.size() > MAX_LISTED_FAILURES) {
            failures.subList(MAX_LISTED_FAILURES, failures.size()).clear();
        }
    }

    private static void tally(Map<String, Map<Integer, Long>> counts, String type, int schemaVersion, long n) {
        counts.computeIfAbsent(type, t -> new TreeMap<>()).merge(schemaVersion, n, Long::sum);
    }
}
