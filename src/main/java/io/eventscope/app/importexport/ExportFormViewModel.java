package io.eventscope.app.importexport;

import io.eventscope.engine.io.ExportFormat;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The export dialog's form: the whole store, a stream or a correlation, and the format. */
public final class ExportFormViewModel {
    private final String header;
    private final ObjectProperty<ExportChoice.Scope> scope = new SimpleObjectProperty<>(ExportChoice.Scope.STORE);
    private final StringProperty streamId;
    private final StringProperty correlationId;
    private final BooleanProperty eventBridge = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    ExportFormViewModel(String storeName, ImportExportViewModel.ExportSuggestion suggestion) {
        this.header = "Export from " + storeName;
        this.streamId = new SimpleStringProperty(suggestion.streamId());
        this.correlationId = new SimpleStringProperty(suggestion.correlationId());
    }

    /** The choice the form says, or null with {@link #error()} saying what is missing. */
    ExportChoice choice() {
        try {
            ExportChoice chosen = new ExportChoice(scope.get(), scope.get() == ExportChoice.Scope.STREAM
                    ? streamId.get() : correlationId.get(), eventBridge.get() ? ExportFormat.EVENTBRIDGE : ExportFormat.NDJSON);
            error.set("");
            return chosen;
        } catch (IllegalArgumentException invalid) {
            error.set(invalid.getMessage());
            return null;
        }
    }

    public String header() {
        return header;
    }

    public ObjectProperty<ExportChoice.Scope> scope() {
        return scope;
    }

    public StringProperty streamId() {
        return streamId;
    }

    public StringProperty correlationId() {
        return correlationId;
    }

    /** EventBridge PutEvents entries instead of Eventscope envelopes. */
    public BooleanProperty eventBridge() {
        return eventBridge;
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
