package io.eventscope.app.timeline;

import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The Timeline's controller: the two modes as tabs, the selected one following the view model. */
public final class TimelineView {
    private final TimelineViewModel model;

    @FXML private TabPane modes;
    @FXML private Tab streamTab;
    @FXML private Tab correlationTab;

    public TimelineView(TimelineViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        model.correlationMode().addListener((obs, was, correlation) ->
                modes.getSelectionModel().select(correlation ? correlationTab : streamTab));
        modes.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) ->
                model.correlationMode().set(tab == correlationTab));
    }
}
