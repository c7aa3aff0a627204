package io.eventscope.engine.projection;

import io.eventscope.engine.event.EventEnvelope;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A test projection: counts events per type; an event with {@code "poison": true} fails until healed. */
final class Tally implements Projection {
    final AtomicBoolean healed = new AtomicBoolean();

    @Override
    public String name() {
        return "tally";
    }

    @Override
    public String migrations() {
        return "db/readmodel/tally";
    }

    @Override
    public boolean handles(EventEnvelope event) {
        return true;
    }

    @Override
    public void apply(EventEnvelope event, Rows rows) throws SQLException {
        if (event.data().path("poison").asBoolean() && !healed.get()) {
            throw new IllegalArgumentException("poisoned event " + event.eventId());
        }
        if (rows.update("UPDATE tally SET n = n + 1, last_pos = ? WHERE event_type = ?", event.position(),
                event.eventType()) == 0) {
            rows.update("INSERT INTO tally (event_type, n, last_pos) VALUES (?, 1, ?)", event.eventType(), event.position());
        }
    }
}
