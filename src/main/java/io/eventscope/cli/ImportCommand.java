package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ImportOptions;
import io.eventscope.engine.io.ImportReport;
import io.eventscope.engine.io.LineError;
import io.eventscope.engine.io.NdjsonImporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports an NDJSON file, one event envelope per line (the shape 'read' and 'export' write).",
                "Every line is checked first. By default one bad line and nothing is imported: exit 1, with each bad"
                        + " line's number and fault on stderr. With --partial the good lines are imported (exit 0) and,"
                        + " with --rejects, the bad ones copied byte for byte to a side file.",
                "An import that was killed halfway finishes when run again: events already stored with the same"
                        + " content are skipped (counted as alreadyStored).",
                "Prints a JSON summary on stdout."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--partial", description = "Import the good lines even when some are bad.")
    boolean partial;

    @Option(names = "--rejects", paramLabel = "FILE", description = "With --partial: where to copy the bad lines.")
    Path rejects;

    @Option(names = "--format", paramLabel = "F", defaultValue = "ndjson",
            description = "ndjson (envelopes) or eventbridge (events as EventBridge delivers them to a Lambda target)."
                    + " Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "" + ImportOptions.DEFAULT_MAX_LINE_BYTES,
            description = "Longest line accepted (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Override
    public Integer call() {
        if (rejects != null && !partial) {
            throw new ParameterException(spec.commandLine(), "--rejects needs --partial: an atomic import rejects the whole file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "no such file: " + file);
        }
        if (maxLineBytes < 1) {
            throw new ParameterException(spec.commandLine(), "--max-line-bytes must be positive, was " + maxLineBytes);
        }
        ImportOptions options = new ImportOptions(partial, rejects, maxLineBytes, ImportOptions.DEFAULT_BATCH_SIZE);
        ImportReport report;
        try (OpenStore opened = store.open()) {
            EventStore eventStore = opened.store();
            report = importer(eventStore).importFile(file, options, ProgressMonitor.NONE);
            FilterIndexWait.awaitIndexed(eventStore);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (LineError e : report.errors()) {
            err.println(file + ": " + e);
        }
        if (report.rejected() > report.errors().size()) {
            err.println(file + ": and " + (report.rejected() - report.errors().size()) + " more bad lines");
        }
        if (report.failure() != null) {
            err.println("error: " + report.failure());
            return Cli.FINDING;
        }
        if (report.rejected() > 0 && !partial) {
            err.println("error: " + report.rejected() + " of " + report.lines() + " lines are bad; nothing was imported");
            return Cli.FINDING;
        }
        spec.commandLine().getOut().println(Json.write(summary(report)));
        return Cli.OK;
    }

    private NdjsonImporter importer(EventStore eventStore) {
        switch (format.toLowerCase()) {
            case "ndjson":
                return NdjsonImporter.envelopes(eventStore);
            case "eventbridge":
                return NdjsonImporter.eventBridgeDeliveries(eventStore);
            default:
                throw new ParameterException(spec.commandLine(), "--format must be ndjson or eventbridge, was '" + format + "'");
        }
    }

    private ObjectNode summary(ImportReport report) {
        ObjectNode summary = Json.object();
        summary.put("file", report.file());
        summary.put("lines", report.lines());
        summary.put("imported", report.imported());
        summary.put("alreadyStored", report.alreadyStored());
        summary.put("rejected", report.rejected());
        if (rejects != null) {
            summary.put("rejects", rejects.toString());
        }
        return summary;
    }
}
