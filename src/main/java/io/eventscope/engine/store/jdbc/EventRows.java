package io.eventscope.engine.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.RawEvent;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.StoredEvents;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** Envelopes to rows of the events table and back, in the column order of {@link EventsSql#COLUMNS}. */
final class EventRows {
    private static final TypeReference<Map<String, String>> EXTRA = new TypeReference<>() {
    };

    private EventRows() {
    }

    static void bind(Dialect dialect, PreparedStatement insert, EventEnvelope e) throws SQLException {
        Metadata m = e.metadata();
        insert.setLong(1, e.position());
        insert.setString(2, e.eventId());
        insert.setString(3, e.streamId());
        insert.setLong(4, e.version());
        insert.setString(5, e.eventType());
        insert.setString(6, e.aggregateType());
        insert.setString(7, e.aggregateId());
        insert.setInt(8, e.schemaVersion());
        insert.setObject(9, dialect.timestamp(e.timestamp()));
        insert.setString(10, m.correlationId());
        insert.setString(11, m.causationId());
        insert.setString(12, m.userId());
        insert.setString(13, write(e.data()));
        insert.setString(14, m.extra().isEmpty() ? null : write(m.extra()));
    }

    static EventEnvelope read(Dialect dialect, ResultSet rs) throws SQLException {
        return StoredEvents.parsed(readRaw(dialect, rs));
    }

    /** The row with its data left as the stored text. */
    static RawEvent readRaw(Dialect dialect, ResultSet rs) throws SQLException {
        long position = rs.getLong(1);
        try {
            return new RawEvent(rs.getString(2), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getString(3), rs.getLong(4), rs.getInt(8), position,
                    dialect.timestamp(rs, 9), rs.getString(13), metadata(rs));
        } catch (JsonProcessingException e) {
            throw StoredEvents.unreadable(position, e);
        }
    }

    private static Metadata metadata(ResultSet rs) throws SQLException, JsonProcessingException {
        String extraJson = rs.getString(14);
        Map<String, String> extra = extraJson == null ? Map.of() : Json.MAPPER.readValue(extraJson, EXTRA);
        return new Metadata(rs.getString(12), rs.getString(10), rs.getString(11), extra);
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new EventStoreException("Cannot write event JSON: " + e.getOriginalMessage(), e);
        }
    }
}
