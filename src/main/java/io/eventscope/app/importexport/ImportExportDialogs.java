package io.eventscope.app.importexport;

import io.eventscope.engine.io.ExportFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The import and export dialogs of the main window, and dropping an .ndjson file on it: asks
 * how, shows progress with a Cancel button, and shows an import's line-numbered report.
 * Everything is done through the {@link ImportExportViewModel}.
 */
public final class ImportExportDialogs {
    private static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType EXPORT = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
    private static final String NDJSON_FORMAT = "Eventscope envelopes (NDJSON)";
    private static final String EVENTBRIDGE_IN = "EventBridge events, as delivered to a Lambda target";
    private static final String EVENTBRIDGE_OUT = "EventBridge PutEvents entries";

    private final ImportExportViewModel model;
    private Window owner;
    private Dialog<Void> progressDialog;

    public ImportExportDialogs(ImportExportViewModel model) {
        this.model = model;
        model.running().addListener((obs, was, running) -> {
            if (running) {
                showProgress();
            } else if (progressDialog != null) {
                progressDialog.close();
                progressDialog = null;
            }
        });
        model.outcome().addListener((obs, old, outcome) -> {
            if (outcome != null) {
                showOutcome(outcome);
            }
        });
    }

    /** Dialogs open over this scene's window, and .ndjson files dropped on it are offered for import. */
    public void attach(Scene scene) {
        scene.windowProperty().addListener((obs, old, window) -> owner = window);
        owner = scene.getWindow();
        // Filters, so no control under the pointer takes a file drag for itself.
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (droppedFile(e) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            Path file = droppedFile(e);
            if (file != null) {
                e.setDropCompleted(true);
                e.consume();
                offerImport(file);
            }
        });
    }

    /** File > Import…: choose a file, then how to import it. */
    public void chooseImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import events");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("NDJSON event logs (*.ndjson, *.jsonl)", "*.ndjson", "*.jsonl"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            offerImport(file.toPath());
        }
    }

    /** Asks how to import {@code file} (all or nothing by default), then imports it. */
    public void offerImport(Path file) {
        if (model.storeName() == null) {
            alert(Alert.AlertType.ERROR, "Cannot import " + file.getFileName(), "No store is open.");
            return;
        }
        Dialog<ImportChoice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import events");
        dialog.setHeaderText("Import " + file.getFileName() + " into " + model.storeName());
        ChoiceBox<String> format = new ChoiceBox<>();
        format.getItems().setAll(NDJSON_FORMAT, EVENTBRIDGE_IN);
        format.setValue(NDJSON_FORMAT);
        ToggleGroup mode = new ToggleGroup();
        RadioButton atomic = radio("All or nothing: one bad line and nothing is imported", mode, "atomicChoice");
        RadioButton partial = radio("Import the good lines and write the bad ones to:", mode, "partialChoice");
        atomic.setSelected(true);
        TextField rejects = new TextField(ImportChoice.rejectsFileFor(file).toString());
        rejects.setId("rejectsField");
        rejects.disableProperty().bind(partial.selectedProperty().not());
        VBox.setMargin(rejects, new Insets(0, 0, 0, 24));
        Label error = new Label();
        error.getStyleClass().add("validation-error");
        dialog.getDialogPane().setContent(column(new Label("Lines are"), format, atomic, partial, rejects, error));
        dialog.getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        Node importButton = dialog.getDialogPane().lookupButton(IMPORT);
        importButton.setId("importButton");
        importButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (partial.isSelected() && rejects.getText().isBlank()) {
                error.setText("Name the file the rejected lines go to");
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button != IMPORT ? null
                : new ImportChoice(format.getValue().equals(EVENTBRIDGE_IN), partial.isSelected(),
                partial.isSelected() ? Path.of(rejects.getText().trim()) : null));
        dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).ifPresent(choice -> model.importFile(file, choice)));
        dialog.show();
    }

    /** File > Export…: what to export and how, then where. */
    public void chooseExport() {
        if (model.storeName() == null) {
            alert(Alert.AlertType.ERROR, "Cannot export", "No store is open.");
            return;
        }
        ImportExportViewModel.ExportSuggestion suggestion = model.exportSuggestion();
        Dialog<ExportChoice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export events");
        dialog.setHeaderText("Export from " + model.storeName());
        ToggleGroup scope = new ToggleGroup();
        RadioButton all = radio("The whole store", scope, "storeScope");
        RadioButton stream = radio("The stream", scope, "streamScope");
        RadioButton correlation = radio("The correlation", scope, "correlationScope");
        all.setSelected(true);
        TextField streamId = new TextField(suggestion.streamId());
        streamId.disableProperty().bind(stream.selectedProperty().not());
        TextField correlationId = new TextField(suggestion.correlationId());
        correlationId.disableProperty().bind(correlation.selectedProperty().not());
        ChoiceBox<String> format = new ChoiceBox<>();
        format.getItems().setAll(NDJSON_FORMAT, EVENTBRIDGE_OUT);
        format.setValue(NDJSON_FORMAT);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, all);
        grid.addRow(1, stream, streamId);
        grid.addRow(2, correlation, correlationId);
        grid.addRow(3, new Label("As"), format);
        Label error = new Label();
        error.getStyleClass().add("validation-error");
        dialog.getDialogPane().setContent(column(grid, error));
        dialog.getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CANCEL);
        ExportChoice[] chosen = new ExportChoice[1];
        dialog.getDialogPane().lookupButton(EXPORT).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                ExportChoice.Scope picked = stream.isSelected() ? ExportChoice.Scope.STREAM
                        : correlation.isSelected() ? ExportChoice.Scope.CORRELATION : ExportChoice.Scope.STORE;
                chosen[0] = new ExportChoice(picked, stream.isSelected() ? streamId.getText() : correlationId.getText(),
                        format.getValue().equals(EVENTBRIDGE_OUT) ? ExportFormat.EVENTBRIDGE : ExportFormat.NDJSON);
            } catch (IllegalArgumentException invalid) {
                error.setText(invalid.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == EXPORT ? chosen[0] : null);
        dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).ifPresent(this::chooseExportFile));
        dialog.show();
    }

    private void chooseExportFile(ExportChoice choice) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + choice.describe());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("NDJSON (*.ndjson)", "*.ndjson"));
        chooser.setInitialFileName((choice.format() == ExportFormat.EVENTBRIDGE ? "eventbridge-entries" : "events")
                + ".ndjson");
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            model.export(file.toPath(), choice);
        }
    }

    private void showProgress() {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Eventscope");
        Label what = new Label();
        what.textProperty().bind(model.activity());
        ProgressBar bar = new ProgressBar();
        bar.setId("transferProgress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(model.progress());
        dialog.getDialogPane().setContent(column(what, bar));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL);
        // Cancel asks the transfer to stop; the dialog closes when it has.
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).addEventFilter(ActionEvent.ACTION, e -> {
            model.cancel();
            e.consume();
        });
        dialog.setOnCloseRequest(e -> {
            if (model.running().get()) {
                model.cancel();
                e.consume();
            }
        });
        progressDialog = dialog;
        dialog.show();
    }

    private void showOutcome(ImportOutcome outcome) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle("Import report");
        alert.setHeaderText(outcome.headline());
        Label details = new Label(outcome.details());
        details.setWrapText(true);
        details.setId("importDetails");
        ListView<String> lines = new ListView<>();
        lines.setId("badLines");
        lines.getItems().setAll(outcome.badLines());
        lines.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0); // wrap at the list's width instead of scrolling sideways
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        lines.setPrefSize(680, Math.min(360, 20 + 48 * outcome.badLines().size()));
        alert.getDialogPane().setContent(outcome.badLines().isEmpty() ? details : column(details, lines));
        alert.setResizable(true);
        alert.show();
    }

    private void alert(Alert.AlertType type, String header, String text) {
        Alert alert = new Alert(type, text);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        alert.show();
    }

    private static Path droppedFile(DragEvent e) {
        if (!e.getDragboard().hasFiles()) {
            return null;
        }
        List<File> files = e.getDragboard().getFiles();
        return files.stream().map(File::toPath).filter(ImportExportViewModel::isImportable).findFirst().orElse(null);
    }

    private static RadioButton radio(String text, ToggleGroup group, String id) {
        RadioButton button = new RadioButton(text);
        button.setToggleGroup(group);
        button.setId(id);
        return button;
    }

    private static VBox column(Node... nodes) {
        VBox box = new VBox(8, nodes);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }
}
