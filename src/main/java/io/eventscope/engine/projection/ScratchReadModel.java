package io.eventscope.engine.projection;

import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A read model built up to a chosen position in a schema of its own, for "what did the read
 * side say then". It can move: forwards it applies what follows, backwards it starts over.
 * Closing drops the schema.
 */
public final class ScratchReadModel implements AutoCloseable {
    private final ReadModels owner;
    private final EventStore store;
    private final EventFilter filter;
    private final GenerationWriter writer;

    ScratchReadModel(ReadModels owner, EventStore store, EventFilter filter, GenerationWriter writer) {
        this.owner = owner;
        this.store = store;
        this.filter = filter;
        this.writer = writer;
    }

    /** The schema holding the tables, for queries such as {@code SELECT * FROM <schema>.order_read_model}. */
    public String schema() {
        return writer.generation().schema();
    }

    /** The position of the last event applied. */
    public long position() {
        return writer.checkpoint();
    }

    /** Makes the tables say what they said right after {@code position}. */
    public void moveTo(long position) {
        try {
            if (position < writer.checkpoint()) {
                writer.reset();
            }
            writer.catchUp(store, filter, position, position, ProgressMonitor.NONE);
        } catch (EventFailure f) {
            throw new ProjectionException("The read model " + writer.generation().projection() + " cannot be built"
                    + " as of position " + position + ": it fails at " + f.getMessage(), f);
        } catch (SQLException e) {
            throw new ProjectionException("Could not rebuild " + schema() + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query with this build's schema as the default one. */
    public <T> T query(ReadModels.SqlQuery<T> query) {
        return owner.queryIn(schema(), query);
    }

    @Override
    public void close() {
        owner.dropScratch(writer.generation());
    }
}
