package io.eventscope.app.cases;

import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TaskMonitor;
import io.eventscope.app.Workspace;
import io.eventscope.app.events.EventSummary;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.io.CaseExporter;
import io.eventscope.engine.upcast.UpcasterChain;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File > Export case: a correlation (the selected event's, to begin with) or a set of streams,
 * written as one .escase file by a background task the status bar shows with its progress and
 * can cancel. What is wrong with the request is said before anything runs.
 */
public final class CaseExportViewModel {
    private static final String SUFFIX = ".escase";

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final Notices notices;
    private final UpcasterChain upcasters;
    private final Supplier<EventSummary> selected;

    private final BooleanProperty wholeCorrelation = new SimpleBooleanProperty(true);
    private final StringProperty correlationId = new SimpleStringProperty("");
    private final StringProperty streams = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final BooleanBinding valid;

    /** {@code selected} gives the event selected in the Events view, or null. */
    public CaseExportViewModel(Workspace workspace, TaskExecutor tasks, Notices notices, UpcasterChain upcasters,
                               Supplier<EventSummary> selected) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.notices = notices;
        this.upcasters = upcasters;
        this.selected = selected;
        valid = Bindings.createBooleanBinding(() -> !file.get().isBlank()
                        && !(wholeCorrelation.get() ? correlationId.get() : streams.get()).isBlank(),
                wholeCorrelation, correlationId, streams, file);
    }

    /** Starts from the selected event: its correlation, its stream. */
    public void prefill() {
        EventSummary event = selected.get();
        if (event != null) {
            correlationId.set(event.correlationId() == null ? "" : event.correlationId());
            streams.set(event.streamId());
            wholeCorrelation.set(event.correlationId() != null);
        }
    }

    /** Writes the case in the background; a refusal (no such correlation or stream) comes back as a notice. */
    public void export() {
        Engine engine = workspace.engine();
        if (engine == null) {
            notices.error("Export case", "No store is open");
            return;
        }
        String name = file.get().trim();
        Path out = Path.of(name.endsWith(SUFFIX) ? name : name + SUFFIX);
        boolean correlation = wholeCorrelation.get();
        String id = correlationId.get().trim();
        Set<String> chosen = Arrays.stream(streams.get().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        String what = correlation ? "correlation " + id : String.join(", ", chosen);
        CaseExporter exporter = new CaseExporter(engine.openStore().store(), engine.journal(), upcasters,
                Clock.systemUTC());
        tasks.run("Exporting case to " + out.getFileName(), progress -> {
            TaskMonitor monitor = new TaskMonitor(progress, new AtomicBoolean());
            try {
                return correlation ? exporter.exportCorrelation(id, out, monitor) : exporter.exportStreams(chosen, out, monitor);
            } catch (IllegalArgumentException e) {
                notices.error("Export case", e.getMessage());
                return null;
            } catch (CancellationException e) {
                notices.info("Export case", e.getMessage());
                return null;
            }
        }, events -> {
            if (events != null) {
                notices.info("Case exported", events + " events of " + what + " to " + out);
            }
        });
    }

    public BooleanProperty wholeCorrelation() {
        return wholeCorrelation;
    }

    public StringProperty correlationId() {
        return correlationId;
    }

    /** Stream ids separated by commas. */
    public StringProperty streams() {
        return streams;
    }

    /** Where the case goes; ".escase" is added when missing. */
    public StringProperty file() {
        return file;
    }

    /** Whether there is a scope and a file to export to. */
    public BooleanBinding valid() {
        return valid;
    }
}
