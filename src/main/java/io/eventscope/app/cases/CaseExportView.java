package io.eventscope.app.cases;

import java.io.File;
import javafx.fxml.FXML;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/** The fields of the Export case dialog, bound to its view model. */
public final class CaseExportView {
    private final CaseExportViewModel model;

    @FXML private RadioButton correlationRadio;
    @FXML private RadioButton streamsRadio;
    @FXML private TextField caseCorrelationField;
    @FXML private TextField streamsField;
    @FXML private TextField fileField;

    public CaseExportView(CaseExportViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        correlationRadio.setSelected(model.wholeCorrelation().get());
        streamsRadio.setSelected(!model.wholeCorrelation().get());
        correlationRadio.selectedProperty().bindBidirectional(model.wholeCorrelation());
        // A toggle group only clears the others when one is selected: the other radio follows by hand.
        model.wholeCorrelation().addListener((obs, was, whole) -> streamsRadio.setSelected(!whole));
        caseCorrelationField.textProperty().bindBidirectional(model.correlationId());
        caseCorrelationField.disableProperty().bind(model.wholeCorrelation().not());
        streamsField.textProperty().bindBidirectional(model.streams());
        streamsField.disableProperty().bind(model.wholeCorrelation());
        fileField.textProperty().bindBidirectional(model.file());
    }

    @FXML
    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export case");
        chooser.setInitialFileName("case.escase");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Eventscope cases (*.escase)", "*.escase"));
        File chosen = chooser.showSaveDialog(fileField.getScene().getWindow());
        if (chosen != null) {
            model.file().set(chosen.getPath());
        }
    }
}
