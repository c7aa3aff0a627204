package io.eventscope.app.timeline;

import io.eventscope.engine.timeline.Breakpoint;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** The breakpoints' controller: add one by event type or by condition, remove one from its row. */
public final class BreakpointsView {
    private final BreakpointsViewModel model;
    private final StreamViewModel stream;

    @FXML private ComboBox<String> typeBox;
    @FXML private TextField conditionField;
    @FXML private Label conditionErrorLabel;
    @FXML private ListView<Breakpoint> breakpointList;

    public BreakpointsView(TimelineViewModel timeline) {
        this.model = timeline.breakpoints();
        this.stream = timeline.stream();
    }

    @FXML
    private void initialize() {
        typeBox.setItems(stream.eventTypes());
        conditionField.textProperty().bindBidirectional(model.conditionText());
        conditionErrorLabel.textProperty().bind(model.conditionError());
        breakpointList.setItems(model.breakpoints());
        breakpointList.setCellFactory(list -> new BreakpointCell());
    }

    @FXML
    private void addTypeBreakpoint() {
        model.addTypeBreakpoint(typeBox.getEditor().getText());
        typeBox.getEditor().clear();
    }

    @FXML
    private void addConditionBreakpoint() {
        model.addConditionBreakpoint();
    }

    /** A breakpoint's row, drawn by {@link BreakpointRowView}. */
    private final class BreakpointCell extends ListCell<Breakpoint> {
        private final BreakpointRowView row = new BreakpointRowView(model::remove);

        @Override
        protected void updateItem(Breakpoint breakpoint, boolean empty) {
            super.updateItem(breakpoint, empty);
            setText(null);
            setGraphic(empty || breakpoint == null ? null : row.show(breakpoint));
        }
    }
}
