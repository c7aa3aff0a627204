package io.eventscope.app.timeline;

import io.eventscope.app.BackgroundWork;
import io.eventscope.app.NewestRequestWins;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.projection.ReadModels;
import io.eventscope.engine.projection.ScratchReadModel;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.shop.readmodel.OrderProjection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Correlation mode's read side: the order's row in the orders read model as it stood right
 * after the scrubbed position, built from the order stream's events up to it by the engine's
 * as-of build, off the FX thread; the newest request wins. One scratch schema serves a whole
 * stream: a step forwards applies the events in between, a step back replays the stream's few
 * events, and only a new stream (or store) creates a schema. It is dropped when the row is
 * cleared or closed, or at the next start if the process ends first.
 */
public final class OrderRowViewModel {
    private static final String TABLE = "order_read_model";

    /** One column of the row. */
    public record Field(String column, String value) {
    }

    private record Wish(String orderStream, long position) {
    }

    private record Built(String title, List<Field> fields, String empty) {
    }

    private final Workspace workspace;
    private final TaskExecutor tasks;
    /** Guards the scratch build: an outdated build may still run when the next one starts. */
    private final Object scratchLock = new Object();
    private ScratchReadModel scratch;
    private String scratchStream;
    private ReadModels scratchModels;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final NewestRequestWins<Wish, Built> builds;

    OrderRowViewModel(Workspace workspace, TaskExecutor tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.builds = new NewestRequestWins<>(tasks, this::buildWork, (wish, built) -> {
            title.set(built.title());
            fields.setAll(built.fields());
            emptyText.set(built.empty());
        });
    }

    /** Shows the row of {@code orderStream} right after {@code position}; a null stream means the correlation has no order. */
    void show(String orderStream, long position) {
        if (orderStream == null) {
            builds.forget();
            title.set("Order row");
            fields.clear();
            emptyText.set("This correlation touches no order");
            return;
        }
        builds.request(new Wish(orderStream, position));
    }

    void clear() {
        builds.forget();
        dropScratch();
        title.set("");
        fields.clear();
        emptyText.set("");
    }

    /** Outdates a build still running; safe on any thread the window closes from. */
    void close() {
        builds.forget();
        dropScratch();
    }

    private void dropScratch() {
        tasks.run(progress -> {
            synchronized (scratchLock) {
                release();
            }
            return null;
        }, none -> { });
    }

    /** Holding scratchLock. */
    private void release() {
        if (scratch != null) {
            scratch.close();
            scratch = null;
            scratchStream = null;
            scratchModels = null;
        }
    }

    /** The scratch build of {@code orderStream} moved to {@code position}; holding scratchLock. */
    private ScratchReadModel scratchAt(ReadModels models, String orderStream, long position) {
        if (scratch != null && models == scratchModels && orderStream.equals(scratchStream)) {
            try {
                scratch.moveTo(position);
                return scratch;
            } catch (RuntimeException e) {
                release();
                throw e;
            }
        }
        release();
        scratch = models.asOf(OrderProjection.NAME, position, EventFilter.stream(orderStream));
        scratchStream = orderStream;
        scratchModels = models;
        return scratch;
    }

    private BackgroundWork<Built> buildWork(Wish wish) {
        Engine engine = workspace.engine();
        return progress -> {
            String heading = TABLE + " for " + wish.orderStream() + " as of position " + wish.position();
            ReadModels models = engine == null ? null : engine.readModels();
            if (models == null || !models.names().contains(OrderProjection.NAME)) {
                return new Built(heading, List.of(), "This store keeps no " + OrderProjection.NAME + " read model");
            }
            synchronized (scratchLock) {
                List<Field> row = scratchAt(models, wish.orderStream(), wish.position()).query(c -> {
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + TABLE)) {
                        return rs.next() ? fields(rs) : List.<Field>of();
                    }
                });
                return new Built(heading, row, "No row yet: the order is not created at this position");
            }
        };
    }

    private static List<Field> fields(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Field> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String value = rs.getString(i);
            row.add(new Field(meta.getColumnLabel(i).toLowerCase(), value == null ? "—" : value));
        }
        return row;
    }

    /** "order_read_model for order-o1 as of position 22". */
    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    /** The row's columns in table order; empty before the order exists. */
    public ObservableList<Field> fields() {
        return fields;
    }

    /** Why no row is shown. */
    public ReadOnlyStringProperty emptyText() {
        return emptyText.getReadOnlyProperty();
    }
}
