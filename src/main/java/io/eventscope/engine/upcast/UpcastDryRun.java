package io.eventscope.engine.upcast;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
        Upcasting upcasting = new Upcasting();
        // The shapes' events are read side by side in position order: they lie interleaved in
        // the log, so each stretch of it is loaded once rather than once per shape, and failures
        // come out in position order.
        PriorityQueue<ShapeReader> next = new PriorityQueue<>(Comparator.comparingLong(ShapeReader::position));
        stored.forEach((type, versions) -> versions.keySet().forEach(schemaVersion -> {
            ShapeReader reader = new ShapeReader(type, schemaVersion, head);
            if (chain.upcasts(type, schemaVersion) && reader.advance()) {
                next.add(reader);
            }
        }));
        long toRead = count(stored, true);
        while (!next.isEmpty()) {
            ShapeReader reader = next.poll();
            upcasting.upcast(reader.event());
            if (reader.advance()) {
                next.add(reader);
            }
            if (upcasting.readCount % PAGE == 0) {
                monitor.progress(upcasting.readCount, toRead);
                if (monitor.isCancelled()) {
                    return upcasting.report(upcasting.readCount, upcasting.read, true);
                }
            }
        }
        monitor.progress(upcasting.readCount, toRead);
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

    /** The stored events of one type and schema version up to the head, a page at a time. */
    private final class ShapeReader {
        final String type;
        final int schemaVersion;
        final long head;
        List<EventEnvelope> page = List.of();
        int index = -1;

        ShapeReader(String type, int schemaVersion, long head) {
            this.type = type;
            this.schemaVersion = schemaVersion;
            this.head = head;
        }

        /** Moves to the next event, reading the next page when needed; false when there is none. */
        boolean advance() {
            if (++index < page.size()) {
                return true;
            }
            long from = page.isEmpty() ? 1 : page.get(page.size() - 1).position() + 1;
            page = store.readSchemaVersion(type, schemaVersion, from, head, PAGE);
            index = 0;
            return !page.isEmpty();
        }

        EventEnvelope event() {
            return page.get(index);
        }

        long position() {
            return event().position();
        }
    }

    /** The events read and what upcasting them gave, so far. */
    private final class Upcasting {
        final Map<String, Map<Integer, Long>> read = new TreeMap<>();
        final Map<String, Map<Integer, Long>> upcasted = new TreeMap<>();
        final List<UpcastFailure> failures = new ArrayList<>();
        long readCount;
        long changed;
        long failureCount;

        void upcast(EventEnvelope event) {
            readCount++;
            tally(read, event.eventType(), event.schemaVersion(), 1);
            try {
                EventEnvelope current = chain.upcast(event);
                if (current != event) {
                    changed++;
                }
                tally(upcasted, current.eventType(), current.schemaVersion(), 1);
            } catch (UpcastException e) {
                if (++failureCount <= MAX_LISTED_FAILURES) {
                    failures.add(new UpcastFailure(event.position(), event.eventId(), event.eventType(),
                            event.schemaVersion(), e.upcaster(), e.reason()));
                }
            }
        }

        DryRunReport report(long scanned, Map<String, Map<Integer, Long>> stored, boolean cancelled) {
            return new DryRunReport(scanned, changed, failureCount, stored, upcasted, failures, cancelled);
        }
    }
}
