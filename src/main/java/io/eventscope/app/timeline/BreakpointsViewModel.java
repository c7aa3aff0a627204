package io.eventscope.app.timeline;

import io.eventscope.engine.timeline.Breakpoint;
import io.eventscope.engine.timeline.Condition;
import io.eventscope.engine.timeline.ConditionSyntaxException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The breakpoints playback stops at: event types and conditions over the state, each listed once. */
public final class BreakpointsViewModel {
    private final ObservableList<Breakpoint> breakpoints = FXCollections.observableArrayList();
    private final StringProperty conditionText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper conditionError = new ReadOnlyStringWrapper("");

    public void addTypeBreakpoint(String eventType) {
        if (eventType != null && !eventType.isBlank()) {
            add(Breakpoint.onType(eventType.trim()));
        }
    }

    /** Adds the condition typed in {@link #conditionText()}; a bad one sets {@link #conditionError()} instead. */
    public boolean addConditionBreakpoint() {
        try {
            add(Breakpoint.when(Condition.parse(conditionText.get())));
            conditionError.set("");
            conditionText.set("");
            return true;
        } catch (ConditionSyntaxException e) {
            conditionError.set(e.getMessage());
            return false;
        }
    }

    private void add(Breakpoint breakpoint) {
        boolean known = breakpoints.stream().anyMatch(b -> b.describe().equals(breakpoint.describe()));
        if (!known) {
            breakpoints.add(breakpoint);
        }
    }

    public void remove(Breakpoint breakpoint) {
        breakpoints.remove(breakpoint);
    }

    public ObservableList<Breakpoint> breakpoints() {
        return breakpoints;
    }

    public StringProperty conditionText() {
        return conditionText;
    }

    /** What is wrong with the condition typed, with a caret under the spot; empty when fine. */
    public ReadOnlyStringProperty conditionError() {
        return conditionError.getReadOnlyProperty();
    }
}
