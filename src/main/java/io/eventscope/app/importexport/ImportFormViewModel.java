package io.eventscope.app.importexport;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The import dialog's form: how the lines are read, all or nothing or partial, and where rejected lines go. */
public final class ImportFormViewModel {
    private final String header;
    private final BooleanProperty eventBridge = new SimpleBooleanProperty();
    private final BooleanProperty partial = new SimpleBooleanProperty();
    private final StringProperty rejects;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    ImportFormViewModel(Path file, String storeName) {
        this.header = "Import " + file.getFileName() + " into " + storeName;
        this.rejects = new SimpleStringProperty(ImportChoice.rejectsFileFor(file).toString());
    }

    /** The choice the form says, or null with {@link #error()} saying what is missing. */
    ImportChoice choice() {
        if (partial.get() && rejects.get().isBlank()) {
            error.set("Name the file the rejected lines go to");
            return null;
        }
        error.set("");
        return new ImportChoice(eventBridge.get(), partial.get(), partial.get() ? Path.of(rejects.get().trim()) : null);
    }

    public String header() {
        return header;
    }

    /** Lines are EventBridge events as delivered to a Lambda target, not Eventscope envelopes. */
    public BooleanProperty eventBridge() {
        return eventBridge;
    }

    public BooleanProperty partial() {
        return partial;
    }

    public StringProperty rejects() {
        return rejects;
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
