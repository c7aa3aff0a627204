package io.eventscope.app.versions;

import io.eventscope.engine.upcast.UpcastFailure;
import java.io.File;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/** The Versions view's controller: binds the dry run, the types, the failures and the chain of one event. */
public final class VersionsView {
    private final VersionsViewModel model;

    @FXML private Button dryRunButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label summaryLabel;
    @FXML private TableView<TypeVersionCount> typesTable;
    @FXML private TableColumn<TypeVersionCount, String> typeColumn;
    @FXML private TableColumn<TypeVersionCount, Integer> schemaColumn;
    @FXML private TableColumn<TypeVersionCount, Long> countColumn;
    @FXML private ListView<UpcastFailure> failuresList;
    @FXML private TextField positionField;
    @FXML private Label eventLabel;
    @FXML private Label errorLabel;
    @FXML private Label upcastedLabel;
    @FXML private TextArea storedArea;
    @FXML private TextArea upcastedArea;
    @FXML private ListView<ChainStep> stepsList;
    @FXML private TextArea changesArea;
    @FXML private Button fixtureButton;

    public VersionsView(VersionsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        dryRunButton.disableProperty().bind(model.running());
        cancelButton.disableProperty().bind(model.running().not());
        progressBar.progressProperty().bind(model.progress());
        progressBar.visibleProperty().bind(model.running());
        summaryLabel.textProperty().bind(model.summary());

        typeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().eventType()));
        schemaColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().schemaVersion()));
        countColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        typesTable.setItems(model.types());

        failuresList.setItems(model.failures());
        failuresList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(UpcastFailure f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null
                        : "#" + f.position() + " " + f.eventType() + " v" + f.schemaVersion() + ": " + f.message());
            }
        });
        failuresList.setOnMouseClicked(e -> {
            UpcastFailure f = failuresList.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && f != null) {
                model.showFailure(f);
            }
        });

        positionField.textProperty().bindBidirectional(model.position());
        eventLabel.textProperty().bind(model.eventTitle());
        errorLabel.textProperty().bind(model.error());
        storedArea.textProperty().bind(model.storedJson());
        upcastedArea.textProperty().bind(model.upcastedJson());
        changesArea.textProperty().bind(model.changes());
        upcastedLabel.textProperty().bind(model.selectedStep().map(s -> "Upcasted: " + s.eventType() + " v" + s.schemaVersion())
                .orElse("Upcasted"));
        stepsList.setItems(model.steps());
        stepsList.getSelectionModel().selectedItemProperty().addListener((obs, old, step) -> {
            if (step != null) {
                model.selectedStep().set(step);
            }
        });
        model.selectedStep().addListener((obs, old, step) -> stepsList.getSelectionModel().select(step));
        fixtureButton.disableProperty().bind(model.selectedStep().isNull());
    }

    @FXML
    private void runDryRun() {
        model.runDryRun();
    }

    @FXML
    private void cancelDryRun() {
        model.cancelDryRun();
    }

    @FXML
    private void showEvent() {
        model.showEvent();
    }

    @FXML
    private void exportFixture() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export golden fixture");
        chooser.setInitialFileName("fixture.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File file = chooser.showSaveDialog(storedArea.getScene().getWindow());
        if (file != null) {
            model.exportFixture(file.toPath());
        }
    }
}
