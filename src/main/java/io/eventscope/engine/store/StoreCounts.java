package io.eventscope.engine.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How many events a store holds of each kind, and how many streams they open.
 *
 * @param kinds entries per (event type, aggregate type) pair stored, in no particular order; a pair counted in parts (indexed and not yet) has one entry per part
 */
public record StoreCounts(List<Kind> kinds) {

    /** Events of one event type and aggregate type (null when none); {@code streams} of them are first in their stream. */
    public record Kind(String eventType, String aggregateType, long events, long streams) {
    }

    public StoreCounts {
        kinds = List.copyOf(kinds);
    }

    public long events() {
        return kinds.stream().mapToLong(Kind::events).sum();
    }

    public long streams() {
        return kinds.stream().mapToLong(Kind::streams).sum();
    }

    /** Events per event type, by type name. */
    public Map<String, Long> byEventType() {
        return sum(Kind::eventType);
    }

    /** Events per aggregate type, by name ("null" for events without one). */
    public Map<String, Long> byAggregateType() {
        return sum(k -> String.valueOf(k.aggregateType()));
    }

    private Map<String, Long> sum(Function<Kind, String> key) {
        Map<String, Long> out = new TreeMap<>();
        kinds.stream().filter(k -> k.events() > 0).forEach(k -> out.merge(key.apply(k), k.events(), Long::sum));
        return out;
    }
}
