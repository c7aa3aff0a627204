package io.eventscope.app;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn.CellDataFeatures;
import javafx.util.Callback;

/** Cell values for table columns whose rows are immutable records: each cell shows one field, read once. */
public final class Columns {
    private Columns() {
    }

    /** The cell value factory showing {@code field} of each row. */
    public static <S, T> Callback<CellDataFeatures<S, T>, ObservableValue<T>> showing(Function<S, T> field) {
        return c -> new ReadOnlyObjectWrapper<>(field.apply(c.getValue()));
    }
}
