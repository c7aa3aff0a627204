package io.eventscope.engine.upcast;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upcasts every stored event without writing anything and reports what would change. A
 * failing upcaster is recorded with the event's position and the run goes on.
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

    public DryRunReport run(ProgressMonitor monitor) {
        Map<String, Map<Integer, long[]>> stored = new HashMap<>();
        Map<String, Map<Integer, long[]>> upcasted = new HashMap<>();
        List<UpcastFailure> failures = new ArrayList<>();
        long scanned = 0;
        long changed = 0;
        long failureCount = 0;
        long total = store.headPosition();
        long from = 1;
        boolean cancelled = false;
        while (true) {
            if (monitor.isCancelled()) {
                cancelled = true;
                break;
            }
            List<EventEnvelope> page = store.read(EventFilter.ALL, from, PAGE, Direction.FORWARDS);
            if (page.isEmpty()) {
                break;
            }
            for (EventEnvelope event : page) {
                scanned++;
                tally(stored, event.eventType(), event.schemaVersion());
                try {
                    EventEnvelope current = chain.upcast(event);
                    if (current != event) {
                        changed++;
                    }
                    tally(upcasted, current.eventType(), current.schemaVersion());
                } catch (UpcastException e) {
                    if (++failureCount <= MAX_LISTED_FAILURES) {
                        failures.add(new UpcastFailure(event.position(), event.eventId(), event.eventType(),
                                event.schemaVersion(), e.upcaster(), e.reason()));
                    }
                }
            }
            from = page.get(page.size() - 1).position() + 1;
            monitor.progress(scanned, Math.max(total, scanned));
        }
        return new DryRunReport(scanned, changed, failureCount, sorted(stored), sorted(upcasted), failures, cancelled);
    }

    private static void tally(Map<String, Map<Integer, long[]>> counts, String type, int schemaVersion) {
        counts.computeIfAbsent(type, t -> new HashMap<>()).computeIfAbsent(schemaVersion, v -> new long[1])[0]++;
    }

    private static Map<String, Map<Integer, Long>> sorted(Map<String, Map<Integer, long[]>> counts) {
        Map<String, Map<Integer, Long>> out = new TreeMap<>();
        counts.forEach((type, versions) -> {
            Map<Integer, Long> byVersion = new TreeMap<>();
            versions.forEach((v, n) -> byVersion.put(v, n[0]));
            out.put(type, byVersion);
        });
        return out;
    }
}
