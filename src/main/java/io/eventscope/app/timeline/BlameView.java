package io.eventscope.app.timeline;

import io.eventscope.app.TextCell;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/** Blame's controller: what was blamed and the events that changed it; clicking one jumps there. */
public final class BlameView {
    private final TimelineViewModel timeline;
    private final BlameViewModel model;

    @FXML private Label blameSummaryLabel;
    @FXML private ListView<BlameRow> blameList;

    public BlameView(TimelineViewModel timeline) {
        this.timeline = timeline;
        this.model = timeline.blame();
    }

    @FXML
    private void initialize() {
        blameSummaryLabel.textProperty().bind(Bindings.createStringBinding(() -> model.blamePath().get().isEmpty()
                        ? model.blameSummary().get() : model.blamePath().get() + " — " + model.blameSummary().get(),
                model.blamePath(), model.blameSummary()));
        blameList.setItems(model.blameRows());
        blameList.setCellFactory(list -> new TextCell<>(BlameRow::toString));
        blameList.setOnMouseClicked(e -> {
            BlameRow row = blameList.getSelectionModel().getSelectedItem();
            if (row != null) {
                timeline.jumpTo(row.version());
            }
        });
    }
}
