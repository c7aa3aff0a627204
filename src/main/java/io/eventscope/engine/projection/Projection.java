package io.eventscope.engine.projection;

import io.eventscope.engine.event.EventEnvelope;
import java.sql.SQLException;

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
}
