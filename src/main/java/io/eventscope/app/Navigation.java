package io.eventscope.app;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The views of the workbench and which one is showing. Adding a view is one more entry in the
 * list the application builds; views ask to show another one through {@link #show(String)}.
 */
public final class Navigation {
    private final List<ViewEntry> entries;
    private final ObjectProperty<ViewEntry> selected = new SimpleObjectProperty<>();

    public Navigation(List<ViewEntry> entries) {
        this.entries = List.copyOf(entries);
        if (!this.entries.isEmpty()) {
            selected.set(this.entries.get(0));
        }
    }

    public List<ViewEntry> entries() {
        return entries;
    }

    public ObjectProperty<ViewEntry> selected() {
        return selected;
    }

    public void show(String id) {
        selected.set(entries.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no view with id '" + id + "'")));
    }
}
