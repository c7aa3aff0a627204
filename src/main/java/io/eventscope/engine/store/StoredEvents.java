package io.eventscope.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.RawEvent;
import io.eventscope.engine.event.StreamIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Rules every store applies the same way: building envelopes and idempotent re-appends. */
public final class StoredEvents {
    private StoredEvents() {
    }

    public static EventEnvelope envelope(String streamId, NewEvent e, long version, long position, Instant now) {
        String aggregateType = e.aggregateType() != null ? e.aggregateType() : StreamIds.aggregateType(streamId);
        String aggregateId = e.aggregateId() != null ? e.aggregateId() : StreamIds.aggregateId(streamId);
        Instant timestamp = e.timestamp() != null ? e.timestamp() : now;
        return new EventEnvelope(e.eventId(), e.eventType(), aggregateType, aggregateId, streamId, version,
                e.schemaVersion(), position, timestamp, e.data(), e.metadata());
    }

    /** The event with its stored data text parsed; a store's damaged row fails naming its position. */
    public static EventEnvelope parsed(RawEvent e) {
        JsonNode data;
        try {
            data = Json.MAPPER.readTree(e.data());
        } catch (JsonProcessingException x) {
            throw unreadable(e.position(), x);
        }
        return new EventEnvelope(e.eventId(), e.eventType(), e.aggregateType(), e.aggregateId(), e.streamId(),
                e.version(), e.schemaVersion(), e.position(), e.timestamp(), data, e.metadata());
    }

    /** The page with every event's data parsed. */
    public static List<EventEnvelope> parsed(List<RawEvent> page) {
        List<EventEnvelope> out = new ArrayList<>(page.size());
        for (RawEvent e : page) {
            out.add(parsed(e));
        }
        return out;
    }

    /** The failure of reading a stored event whose JSON does not parse. */
    public static EventStoreException unreadable(long position, JsonProcessingException e) {
        return new EventStoreException("The event at position " + position + " holds unreadable JSON: "
                + e.getOriginalMessage(), e);
    }

    /**
     * When every event of the batch is already stored with the same content, the original
     * result; when none is, null (append as usual); otherwise a {@link DuplicateEventException}.
     */
    public static AppendResult idempotentReplay(String streamId, List<NewEvent> events,
                                                Function<String, EventEnvelope> lookup) {
        int found = 0;
        long version = 0;
        long position = 0;
        for (NewEvent e : events) {
            EventEnvelope stored = lookup.apply(e.eventId());
            if (stored == null) {
                continue;
            }
            String difference = difference(streamId, e, stored);
            if (difference != null) {
                throw new DuplicateEventException(e.eventId(), difference);
            }
            found++;
            version = Math.max(version, stored.version());
            position = Math.max(position, stored.position());
        }
        if (found == 0) {
            return null;
        }
        if (found < events.size()) {
            throw new DuplicateEventException(events.get(0).eventId(),
                    "the batch mixes " + found + " already stored event(s) with new ones");
        }
        return new AppendResult(streamId, version, position);
    }

    /** How {@code stored} differs from {@code e} appended to {@code streamId}, or null when it is the same event. */
    public static String difference(String streamId, NewEvent e, EventEnvelope stored) {
        if (!stored.streamId().equals(streamId)) {
            return "stored in stream '" + stored.streamId() + "', not '" + streamId + "'";
        }
        if (!stored.eventType().equals(e.eventType())) {
            return "stored as type '" + stored.eventType() + "', not '" + e.eventType() + "'";
        }
        if (stored.schemaVersion() != e.schemaVersion()) {
            return "stored with schema version " + stored.schemaVersion() + ", not " + e.schemaVersion();
        }
        if (!stored.data().equals(e.data())) {
            return "stored with other data";
        }
        if (!Objects.equals(stored.metadata(), e.metadata())) {
            return "stored with other metadata";
        }
        return null;
    }
}
