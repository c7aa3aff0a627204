package io.eventscope.app.importexport;

import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/** The export dialog's controller: binds the form; Export… is refused while the form says what is missing. */
public final class ExportView {
    private static final String EVENTBRIDGE_OUT = "EventBridge PutEvents entries";

    private final ExportFormViewModel form;

    @FXML private DialogPane pane;
    @FXML private ToggleGroup scope;
    @FXML private RadioButton storeScope;
    @FXML private RadioButton streamScope;
    @FXML private RadioButton correlationScope;
    @FXML private TextField streamIdField;
    @FXML private TextField correlationIdField;
    @FXML private ChoiceBox<String> formatChoice;
    @FXML private Label errorLabel;
    @FXML private ButtonType exportType;

    ExportView(ExportFormViewModel form) {
        this.form = form;
    }

    @FXML
    private void initialize() {
        pane.setHeaderText(form.header());
        storeScope.setUserData(ExportChoice.Scope.STORE);
        streamScope.setUserData(ExportChoice.Scope.STREAM);
        correlationScope.setUserData(ExportChoice.Scope.CORRELATION);
        scope.selectedToggleProperty().addListener((obs, old, toggle) ->
                form.scope().set((ExportChoice.Scope) toggle.getUserData()));
        streamIdField.textProperty().bindBidirectional(form.streamId());
        streamIdField.disableProperty().bind(streamScope.selectedProperty().not());
        correlationIdField.textProperty().bindBidirectional(form.correlationId());
        correlationIdField.disableProperty().bind(correlationScope.selectedProperty().not());
        formatChoice.getItems().setAll(ImportView.NDJSON_FORMAT, EVENTBRIDGE_OUT);
        formatChoice.setValue(ImportView.NDJSON_FORMAT);
        formatChoice.valueProperty().addListener((obs, old, format) -> form.eventBridge().set(EVENTBRIDGE_OUT.equals(format)));
        errorLabel.textProperty().bind(form.error());
        FormButton.guard(pane, exportType, "exportButton", form::choice);
    }

    ButtonType exportType() {
        return exportType;
    }
}
