package io.eventscope.app.importexport;

import io.eventscope.app.TextCell;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** An import report's controller: the headline, the details, and each bad line, wrapped at the list's width. */
public final class ImportReportView {
    private final ImportOutcome outcome;

    @FXML private DialogPane pane;
    @FXML private VBox column;
    @FXML private Label importDetails;
    @FXML private ListView<String> badLines;

    ImportReportView(ImportOutcome outcome) {
        this.outcome = outcome;
    }

    @FXML
    private void initialize() {
        pane.setHeaderText(outcome.headline());
        importDetails.setText(outcome.details());
        if (outcome.badLines().isEmpty()) {
            column.getChildren().remove(badLines);
            return;
        }
        badLines.getItems().setAll(outcome.badLines());
        badLines.setCellFactory(list -> TextCell.wrapping(Function.identity()));
        badLines.setPrefHeight(Math.min(360, 20 + 48 * outcome.badLines().size()));
    }
}
