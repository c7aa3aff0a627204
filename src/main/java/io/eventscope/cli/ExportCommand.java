package io.eventscope.cli;

import io.eventscope.engine.io.EventBridgeFormat;
import io.eventscope.engine.io.ExportFormat;
import io.eventscope.engine.io.NdjsonExporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the whole store, one stream or one correlation chain, in position order, one JSON"
                + " document per line: event envelopes (ndjson, which 'import' reads back) or EventBridge PutEvents"
                + " entries (eventbridge).",
                "Events are written as stored, not upcast. Prints how many were written on stderr."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    static final class Selection {
        @Option(names = "--stream", paramLabel = "ID", description = "Only this stream.")
        String stream;

        @Option(names = "--correlation-id", paramLabel = "C", description = "Only this correlation chain.")
        String correlationId;
    }

    @ArgGroup(exclusive = true)
    Selection selection;

    @Option(names = "--format", paramLabel = "F", defaultValue = "ndjson",
            description = "ndjson or eventbridge (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Option(names = "--source", paramLabel = "S", defaultValue = EventBridgeFormat.DEFAULT_SOURCE,
            description = "eventbridge: the entries' Source (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--event-bus-name", paramLabel = "B", defaultValue = EventBridgeFormat.DEFAULT_BUS,
            description = "eventbridge: the entries' EventBusName (default: ${DEFAULT-VALUE}).")
    String eventBusName;

    @Override
    public Integer call() {
        ExportFormat exportFormat = exportFormat();
        EventFilter filter = selection == null ? EventFilter.ALL
                : selection.stream != null ? EventFilter.stream(selection.stream)
                : EventFilter.correlation(selection.correlationId);
        long written;
        try (OpenStore opened = store.open()) {
            EventStore eventStore = opened.store();
            NdjsonExporter exporter = new NdjsonExporter(eventStore, exportFormat, source, eventBusName);
            if (out == null) {
                written = exporter.export(filter, spec.commandLine().getOut(), ProgressMonitor.NONE);
            } else {
                try (OutputStream file = Files.newOutputStream(out)) {
                    written = exporter.export(filter, file, ProgressMonitor.NONE);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not write " + out + ": " + e.getMessage(), e);
                }
            }
        }
        spec.commandLine().getErr().println("exported " + written + " events" + (out == null ? "" : " to " + out));
        return Cli.OK;
    }

    private ExportFormat exportFormat() {
        switch (format.toLowerCase()) {
            case "ndjson":
                return ExportFormat.NDJSON;
            case "eventbridge":
                return ExportFormat.EVENTBRIDGE;
            default:
                throw new ParameterException(spec.commandLine(), "--format must be ndjson or eventbridge, was '" + format + "'");
        }
    }
}
