package io.eventscope.app.importexport;

import io.eventscope.app.ViewFactory;
import io.eventscope.engine.io.ExportFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Import and export in the main window: File > Import… and Export…, and an .ndjson file dropped
 * on the window. Opens the dialogs (each FXML with its controller and form), the progress dialog
 * while a transfer runs and the report of an import that left lines out; everything is done
 * through the {@link ImportExportViewModel}.
 */
public final class ImportExportView {
    private final ImportExportViewModel model;
    private Window owner;
    private Dialog<Void> progressDialog;
    private Function<ExportChoice, Path> exportFile = this::chooseExportFile;

    public ImportExportView(ImportExportViewModel model) {
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
                show(new Dialog<>(), ViewFactory.loadFor(new ImportReportView(outcome)), "Import report").setResizable(true);
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

    /**
     * Where an export is written once its dialog is done: by default a file chooser; a UI test,
     * which cannot drive the platform's chooser, names the file itself. Null writes nothing.
     */
    public void setExportFile(Function<ExportChoice, Path> where) {
        exportFile = where;
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
            alert("Cannot import " + file.getFileName());
            return;
        }
        ImportFormViewModel form = model.importForm(file);
        ImportView view = new ImportView(form);
        Dialog<ImportChoice> dialog = new Dialog<>();
        show(dialog, ViewFactory.loadFor(view), "Import events");
        dialog.setResultConverter(button -> button == view.importType() ? form.choice() : null);
        dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).ifPresent(choice -> model.importFile(file, choice)));
    }

    /** File > Export…: what to export and how, then where. */
    public void chooseExport() {
        if (model.storeName() == null) {
            alert("Cannot export");
            return;
        }
        ExportFormViewModel form = model.exportForm();
        ExportView view = new ExportView(form);
        Dialog<ExportChoice> dialog = new Dialog<>();
        show(dialog, ViewFactory.loadFor(view), "Export events");
        dialog.setResultConverter(button -> button == view.exportType() ? form.choice() : null);
        dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).ifPresent(choice -> {
            Path file = exportFile.apply(choice);
            if (file != null) {
                model.export(file, choice);
            }
        }));
    }

    private Path chooseExportFile(ExportChoice choice) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + choice.describe());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("NDJSON (*.ndjson)", "*.ndjson"));
        chooser.setInitialFileName((choice.format() == ExportFormat.EVENTBRIDGE ? "eventbridge-entries" : "events")
                + ".ndjson");
        File file = chooser.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    }

    private void showProgress() {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setOnCloseRequest(e -> {
            if (model.running().get()) {
                model.cancel();
                e.consume();
            }
        });
        progressDialog = dialog;
        show(dialog, ViewFactory.loadFor(new TransferProgressView(model)), "Eventscope");
    }

    private <T> Dialog<T> show(Dialog<T> dialog, Object pane, String title) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setDialogPane((DialogPane) pane);
        dialog.show();
        return dialog;
    }

    private void alert(String header) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "No store is open.", ButtonType.OK);
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
}
