package io.eventscope.app.cases;

import java.io.File;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file choosers of File > Open case, File > Import case and Export as test. */
public final class CaseDialogs {
    private final CasesViewModel model;

    public CaseDialogs(CasesViewModel model) {
        this.model = model;
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
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            model.exportAsTest(commandId, file.toPath());
        }
    }

    private static FileChooser caseChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Eventscope cases (*.escase)", "*.escase"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }
}
