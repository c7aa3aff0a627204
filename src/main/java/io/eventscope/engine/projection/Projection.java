package io.eventscope.engine.projection;

import io.eventscope.engine.event.EventEnvelope;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns events into the rows of one read model. Its tables come from its own versioned
 * migrations, applied to each generation's schema; {@link #apply} writes them with
 * unqualified names, inside the transaction that also moves the checkpoint.
 */
public interface Projection {
    /** Lower-case letters, digits and '_': it names the read model's schemas. */
    String name();

    /** The classpath folder of this read model's Flyway migrations, e.g. {@code db/readmodel/orders}. */
    String migrations();

    /**
     * The streams whose events {@link #apply} may want, as an {@link io.eventscope.engine.store.EventFilter}
     * stream pattern ({@code order-*}), or null for every stream. Catch-up and rebuilds ask the
     * store for these streams only. A stream pattern can be left to the store where an event type
     * cannot: upcasters may rename types, never streams.
     */
    default String streams() {
        return null;
    }

    /** Whether {@link #apply} wants this event; the checkpoint passes the others too. */
    boolean handles(EventEnvelope event);

    /** Writes what the event changes. Throwing parks the projection at this event. */
    void apply(EventEnvelope event, Rows rows) throws SQLException;

    /**
     * Writes what a run of events changes (those it handles, in position order), in one
     * transaction; by default one {@link #apply} each. A projection may fold the run in memory
     * and write each row once: a rebuild then writes a row per entity, not per event. When the
     * run fails, each event is applied on its own, so the one that fails parks the projection.
     */
    default void applyAll(List<EventEnvelope> events, Rows rows) throws SQLException {
        for (EventEnvelope e : events) {
            apply(e, rows);
        }
    }
}
