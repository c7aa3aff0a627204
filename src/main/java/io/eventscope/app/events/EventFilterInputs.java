package io.eventscope.app.events;

import io.eventscope.engine.store.EventFilter;
import java.time.Instant;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * What a person typed into the Events filter bar, and the {@link EventFilter} it means. Picking
 * or dropping a type applies the filter at once; the text fields wait for Apply.
 */
final class EventFilterInputs {
    private final StringProperty stream = new SimpleStringProperty("");
    private final ObservableList<String> selectedTypes = FXCollections.observableArrayList();
    private final StringProperty correlationId = new SimpleStringProperty("");
    private final StringProperty causationId = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    /** Set while the inputs are cleared by a command that applies the filter itself. */
    private boolean quiet;

    /** {@code typesChanged} runs when a person changes the picked types. */
    EventFilterInputs(Runnable typesChanged) {
        selectedTypes.addListener((ListChangeListener<String>) c -> {
            if (!quiet) {
                typesChanged.run();
            }
        });
    }

    /**
     * The filter the inputs say; a plain stream text is a prefix.
     *
     * @throws IllegalArgumentException naming the field that cannot be read
     */
    EventFilter build() {
        String pattern = stream.get().trim();
        if (!pattern.isEmpty() && pattern.indexOf('*') < 0) {
            pattern = pattern + "*";
        }
        Instant fromTime = TimeInput.parse("From", from.get());
        Instant toTime = TimeInput.parse("To", to.get());
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new IllegalArgumentException("From must be before To");
        }
        return new EventFilter(pattern, Set.copyOf(selectedTypes), correlationId.get(), causationId.get(),
                fromTime, toTime, text.get());
    }

    /** Empties every input without applying anything; the caller applies the filter it wants. */
    void clearQuietly() {
        clearTexts();
        quiet = true;
        selectedTypes.clear();
        quiet = false;
    }

    /** Empties every input; returns true when types were picked, whose clearing has applied the filter already. */
    boolean clear() {
        clearTexts();
        if (selectedTypes.isEmpty()) {
            return false;
        }
        selectedTypes.clear();
        return true;
    }

    private void clearTexts() {
        stream.set("");
        correlationId.set("");
        causationId.set("");
        from.set("");
        to.set("");
        text.set("");
    }

    StringProperty stream() {
        return stream;
    }

    ObservableList<String> selectedTypes() {
        return selectedTypes;
    }

    StringProperty correlationId() {
        return correlationId;
    }

    StringProperty causationId() {
        return causationId;
    }

    StringProperty from() {
        return from;
    }

    StringProperty to() {
        return to;
    }

    StringProperty text() {
        return text;
    }
}
