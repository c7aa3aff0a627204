package io.eventscope.app.importexport;

import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;

/** The import dialog's controller: binds the form; Import is refused while the form says what is missing. */
public final class ImportView {
    static final String NDJSON_FORMAT = "Eventscope envelopes (NDJSON)";
    private static final String EVENTBRIDGE_IN = "EventBridge events, as delivered to a Lambda target";

    private final ImportFormViewModel form;

    @FXML private DialogPane pane;
    @FXML private ChoiceBox<String> formatChoice;
    @FXML private RadioButton partialChoice;
    @FXML private TextField rejectsField;
    @FXML private Label errorLabel;
    @FXML private ButtonType importType;

    ImportView(ImportFormViewModel form) {
        this.form = form;
    }

    @FXML
    private void initialize() {
        pane.setHeaderText(form.header());
        formatChoice.getItems().setAll(NDJSON_FORMAT, EVENTBRIDGE_IN);
        formatChoice.setValue(form.eventBridge().get() ? EVENTBRIDGE_IN : NDJSON_FORMAT);
        formatChoice.valueProperty().addListener((obs, old, format) -> form.eventBridge().set(EVENTBRIDGE_IN.equals(format)));
        partialChoice.selectedProperty().bindBidirectional(form.partial());
        rejectsField.textProperty().bindBidirectional(form.rejects());
        rejectsField.disableProperty().bind(form.partial().not());
        errorLabel.textProperty().bind(form.error());
        FormButton.guard(pane, importType, "importButton", form::choice);
    }

    ButtonType importType() {
        return importType;
    }
}
