package io.eventscope.app.cases;

import io.eventscope.app.ViewFactory;
import java.io.File;
import java.util.function.BiFunction;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The dialogs of File > Open case, Import case and Export case, and of Export as test. */
public final class CaseDialogs {
    private static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    private final CasesViewModel model;
    private final CaseExportViewModel export;
    private final ViewFactory views;
    /** Shows a save dialog; UI tests answer for it, as Monocle has no native file dialogs. */
    private BiFunction<FileChooser, Window, File> saveDialog = FileChooser::showSaveDialog;

    public CaseDialogs(CasesViewModel model, CaseExportViewModel export, ViewFactory views) {
        this.model = model;
        this.export = export;
        this.views = views;
    }

    /** Asks what goes into the case (the selected event's correlation, to begin with) and where, then writes it. */
    public void chooseCaseToExport(Window owner) {
        export.prefill();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export case");
        dialog.getDialogPane().setContent(views.load(CaseExportView.class));
        dialog.getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(EXPORT).disableProperty().bind(export.valid().not());
        dialog.showAndWait().filter(EXPORT::equals).ifPresent(b -> export.export());
    }

    public void chooseCaseToOpen(Window owner) {
        File file = caseChooser("Open case (in a scratch store)").showOpenDialog(owner);
        if (file != null) {
            model.openCase(file.toPath());
        }
    }

    public void chooseCaseToImport(Window owner) {
        File file = caseChooser("Import case into this store").showOpenDialog(owner);
        if (file != null) {
            model.importCase(file.toPath());
        }
    }

    /** Asks where to write the test of a journaled command, then writes it. */
    public void chooseTestFile(Window owner, String commandId, String commandType) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export as test");
        chooser.setInitialFileName(commandType + "Test.java");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Java sources (*.java)", "*.java"));
        File file = saveDialog.apply(chooser, owner);
        if (file != null) {
            model.exportAsTest(commandId, file.toPath());
        }
    }

    /** Answers save dialogs with {@code answer} instead of showing them (tests). */
    void answerSaveDialogs(BiFunction<FileChooser, Window, File> answer) {
        saveDialog = answer;
    }

    private static FileChooser caseChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Eventscope cases (*.escase)", "*.escase"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }
}
