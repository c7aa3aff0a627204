package io.eventscope.app.importexport;

import io.eventscope.engine.io.ImportReport;
import io.eventscope.engine.io.LineError;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An import's report in words a person reads in a dialog: what happened to the store, and
 * each bad line with its number and what is wrong.
 */
public record ImportOutcome(boolean complete, String headline, String details, List<String> badLines) {

    public ImportOutcome {
        badLines = List.copyOf(badLines);
    }

    static ImportOutcome of(ImportReport report, Path file, ImportChoice choice) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        String name = file.getFileName().toString();
        String imported = n.format(report.imported()) + (report.imported() == 1 ? " event" : " events");
        List<String> lines = new ArrayList<>();
        report.errors().forEach(e -> lines.add(describe(e)));
        if (report.rejected() > report.errors().size()) {
            lines.add("… and " + n.format(report.rejected() - report.errors().size()) + " more bad lines");
        }
        String bad = n.format(report.rejected()) + (report.rejected() == 1 ? " bad line" : " bad lines");
        if (report.complete()) {
            return new ImportOutcome(true, "Imported " + imported + " from " + name, "", lines);
        }
        if (report.failure() != null) {
            return new ImportOutcome(false, "The import of " + name + " stopped", report.failure(), lines);
        }
        if (report.cancelled()) {
            return new ImportOutcome(false, "The import of " + name + " was cancelled",
                    report.imported() == 0 ? "Nothing was imported; the store is unchanged."
                            : imported + " from the top of the file had been imported before you cancelled.", lines);
        }
        if (!choice.partial()) {
            return new ImportOutcome(false, "Nothing imported: " + bad + " in " + name,
                    "The import is all or nothing, so the store is unchanged. Fix the lines below, or import "
                            + "again choosing to import the good lines.", lines);
        }
        return new ImportOutcome(false, "Imported " + imported + " from " + name + "; " + bad + " left out",
                "The rejected lines were written to " + choice.rejects() + ".", lines);
    }

    private static String describe(LineError error) {
        return "Line " + error.line() + ": " + error.message();
    }
}
