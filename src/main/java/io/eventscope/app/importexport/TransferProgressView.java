package io.eventscope.app.importexport;

import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/** The running transfer's controller: activity and progress; Cancel asks the transfer to stop and the dialog closes when it has. */
public final class TransferProgressView {
    private final ImportExportViewModel model;

    @FXML private DialogPane pane;
    @FXML private Label activityLabel;
    @FXML private ProgressBar transferProgress;

    TransferProgressView(ImportExportViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        activityLabel.textProperty().bind(model.activity());
        transferProgress.progressProperty().bind(model.progress());
        pane.lookupButton(ButtonType.CANCEL).addEventFilter(ActionEvent.ACTION, e -> {
            model.cancel();
            e.consume();
        });
    }
}
