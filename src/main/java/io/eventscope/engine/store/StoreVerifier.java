package io.eventscope.engine.store;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.VerificationReport.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the whole log through the EventStore interface and checks what every store promises,
 * so it works on any implementation and catches what a broken copy or import left behind.
 * Holds every event id in memory (about 150 bytes each).
 */
public final class StoreVerifier {
    static final int MAX_LISTED = 100;
    private static final int PAGE = 2_000;

    private final Predicate<String> isCommandId;
    private final List<Finding> findings = new ArrayList<>();
    private long findingCount;
    private final Set<String> eventIds = new HashSet<>();
    private final Map<String, Long> streamVersions = new HashMap<>();
    /** Causation id -> position of the first event naming it, for ids not (yet) seen as events. */
    private final Map<String, Long> unresolvedCausations = new LinkedHashMap<>();
    private long events;
    private long lastPosition;

    private StoreVerifier(Predicate<String> isCommandId) {
        this.isCommandId = isCommandId;
    }

    /** Verifies a store where no command ids are known (no command journal). */
    public static VerificationReport verify(EventStore store) {
        return verify(store, commandId -> false);
    }

    /** Verifies a store; {@code isCommandId} tells which causation ids name journaled commands. */
    public static VerificationReport verify(EventStore store, Predicate<String> isCommandId) {
        return new StoreVerifier(isCommandId).run(store);
    }

    private VerificationReport run(EventStore store) {
        LogPages.forEach(store, EventFilter.ALL, 1, PAGE, page -> {
            page.forEach(this::check);
            return true;
        });
        long head = store.headPosition();
        if (head != lastPosition) {
            add("head-position", 0, "the store reports head position " + head + " but its last event is at "
                    + lastPosition);
        }
        List<Finding> dangling = new ArrayList<>();
        long danglingCount = 0;
        for (Map.Entry<String, Long> c : unresolvedCausations.entrySet()) {
            if (!eventIds.contains(c.getKey()) && !isCommandId.test(c.getKey())) {
                danglingCount++;
                if (dangling.size() < MAX_LISTED) {
                    dangling.add(new Finding("dangling-causation", c.getValue(), "causation id '" + c.getKey()
                            + "' names no stored event and no known command"));
                }
            }
        }
        return new VerificationReport(findingCount == 0, events, streamVersions.size(), head, findingCount, findings,
                danglingCount, dangling);
    }

    private void check(EventEnvelope e) {
        events++;
        long p = e.position();
        if (p <= lastPosition) {
            add("position-order", p, "position " + p + " follows position " + lastPosition);
        } else if (p != lastPosition + 1) {
            add("position-gap", p, "positions " + (lastPosition + 1) + " to " + (p - 1) + " are missing");
        }
        lastPosition = Math.max(lastPosition, p);

        long previous = streamVersions.getOrDefault(e.streamId(), 0L);
        if (e.version() != previous + 1) {
            add("stream-version", p, "stream '" + e.streamId() + "' goes from version " + previous + " to "
                    + e.version());
        }
        streamVersions.put(e.streamId(), Math.max(previous, e.version()));

        if (!eventIds.add(e.eventId())) {
            add("duplicate-event-id", p, "event id '" + e.eventId() + "' is stored more than once");
        }
        String causation = e.causationId();
        if (causation != null && !eventIds.contains(causation)) {
            unresolvedCausations.putIfAbsent(causation, p);
        }
    }

    private void add(String kind, long position, String detail) {
        findingCount++;
        if (findings.size() < MAX_LISTED) {
            findings.add(new Finding(kind, position, detail));
        }
    }
}
