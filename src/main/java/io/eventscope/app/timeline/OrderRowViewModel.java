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
 * after the scrubbed position. Each position is built from the order stream's events up to it
 * (the engine's as-of build, in a scratch schema dropped afterwards), off the FX thread; the
 * newest request wins.
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
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final NewestRequestWins<Wish, Built> builds;

    OrderRowViewModel(Workspace workspace, TaskExecutor tasks) {
        this.workspace = workspace;
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
        title.set("");
        fields.clear();
        emptyText.set("");
    }

    /** Outdates a build still running; safe on any thread the window closes from. */
    void close() {
        builds.forget();
    }

    private BackgroundWork<Built> buildWork(Wish wish) {
        Engine engine = workspace.engine();
        return progress -> {
            String heading = TABLE + " for " + wish.orderStream() + " as of position " + wish.position();
            ReadModels models = engine == null ? null : engine.readModels();
            if (models == null || !models.names().contains(OrderProjection.NAME)) {
                return new Built(heading, List.of(), "This store keeps no " + OrderProjection.NAME + " read model");
            }
            try (ScratchReadModel asOf = models.asOf(OrderProjection.NAME, wish.position(),
                    EventFilter.stream(wish.orderStream()))) {
                List<Field> row = asOf.query(c -> {
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
