package io.eventscope.engine.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registered upcasters, applied one after another until no upcaster matches the event's
 * type and schema version. Each step raises the schema version by one, so a chain always ends,
 * even through renames.
 */
public final class UpcasterChain {
    public static final UpcasterChain EMPTY = new UpcasterChain(List.of());

    private final Map<String, Map<Integer, Upcaster>> byTypeAndVersion = new HashMap<>();
    private final List<Upcaster> upcasters;

    public UpcasterChain(List<? extends Upcaster> upcasters) {
        this.upcasters = List.copyOf(upcasters);
        for (Upcaster u : this.upcasters) {
            Upcaster previous = byTypeAndVersion.computeIfAbsent(u.eventType(), t -> new HashMap<>())
                    .putIfAbsent(u.fromSchemaVersion(), u);
            if (previous != null) {
                throw new IllegalArgumentException("two upcasters read " + u.eventType() + " v"
                        + u.fromSchemaVersion() + ": '" + previous.name() + "' and '" + u.name() + "'");
            }
        }
    }

    public static UpcasterChain of(Upcaster... upcasters) {
        return new UpcasterChain(List.of(upcasters));
    }

    public List<Upcaster> upcasters() {
        return upcasters;
    }

    /** The event in its newest shape, or the same instance when no upcaster applies. */
    public EventEnvelope upcast(EventEnvelope event) {
        Upcaster next = find(event.eventType(), event.schemaVersion());
        if (next == null) {
            return event;
        }
        String type = event.eventType();
        int version = event.schemaVersion();
        JsonNode data = event.data();
        while (next != null) {
            data = apply(next, data, event);
            type = next.toEventType();
            version++;
            next = find(type, version);
        }
        return event.withPayload(type, version, data);
    }

    /** The event as stored, every step of its chain, and the result. */
    public UpcastTrace trace(EventEnvelope event) {
        List<UpcastStep> steps = new ArrayList<>();
        VersionedPayload current = VersionedPayload.of(event);
        for (Upcaster next = find(current.eventType(), current.schemaVersion()); next != null;
             next = find(current.eventType(), current.schemaVersion())) {
            current = new VersionedPayload(next.toEventType(), current.schemaVersion() + 1,
                    apply(next, current.data(), event));
            steps.add(new UpcastStep(next.name(), current));
        }
        return new UpcastTrace(event, steps);
    }

    /**
     * Every stored type whose chain can end as {@code type}, itself included: a reader that asks
     * for the new name of a renamed type must also be given events stored under the old name.
     */
    public Set<String> storedTypesOf(String type) {
        Set<String> found = new LinkedHashSet<>();
        found.add(type);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Upcaster u : upcasters) {
                if (found.contains(u.toEventType()) && found.add(u.eventType())) {
                    grew = true;
                }
            }
        }
        return found;
    }

    /** The shape the chain takes events stored as {@code stored} to; {@code stored} itself when no upcaster applies. */
    public EventShape newestShape(EventShape stored) {
        EventShape shape = stored;
        for (Upcaster next = find(shape.eventType(), shape.schemaVersion()); next != null;
             next = find(shape.eventType(), shape.schemaVersion())) {
            shape = new EventShape(next.toEventType(), shape.schemaVersion() + 1);
        }
        return shape;
    }

    /** True when an upcaster reads events stored with this type and schema version. */
    public boolean upcasts(String eventType, int schemaVersion) {
        return find(eventType, schemaVersion) != null;
    }

    /** True when some upcaster turns events of this type into another type. */
    public boolean isRenamed(String type) {
        for (Upcaster u : upcasters) {
            if (u.eventType().equals(type) && !u.toEventType().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private Upcaster find(String type, int schemaVersion) {
        Map<Integer, Upcaster> versions = byTypeAndVersion.get(type);
        return versions == null ? null : versions.get(schemaVersion);
    }

    private static JsonNode apply(Upcaster upcaster, JsonNode data, EventEnvelope event) {
        JsonNode result;
        try {
            result = upcaster.upcast(data);
        } catch (RuntimeException e) {
            throw new UpcastException(event, upcaster, e);
        }
        if (result == null || !result.isObject()) {
            throw new UpcastException(event, upcaster, new IllegalStateException(
                    "it returned " + (result == null ? "null" : "a JSON " + result.getNodeType())
                            + " instead of a JSON object"));
        }
        return result;
    }
}
