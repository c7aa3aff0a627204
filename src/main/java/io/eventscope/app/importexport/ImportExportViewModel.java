package io.eventscope.app.importexport;

import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TaskMonitor;
import io.eventscope.app.Workspace;
import io.eventscope.app.events.EventSummary;
import io.eventscope.engine.io.NdjsonExporter;
import io.eventscope.engine.io.NdjsonImporter;
import io.eventscope.engine.store.EventStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * File > Import and File > Export: moves NDJSON files into and out of the open store in the
 * background, with progress and a soft cancel, one transfer at a time. An import's report
 * arrives in {@link #outcome()}; an export writes a temporary file and moves it into place
 * only when complete, so a cancelled export leaves nothing half-written.
 */
public final class ImportExportViewModel {
    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final Notices notices;
    private final Supplier<EventSummary> selectedEvent;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ImportOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private AtomicBoolean cancel = new AtomicBoolean();

    /** {@code selectedEvent} is the event selected in the Events view, or null: its stream and correlation are offered for export. */
    public ImportExportViewModel(Workspace workspace, TaskExecutor tasks, Notices notices,
                                 Supplier<EventSummary> selectedEvent) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.notices = notices;
        this.selectedEvent = selectedEvent;
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 while the amount of work is not known yet. */
    public ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    /** "Importing orders.ndjson", "Cancelling…". */
    public ReadOnlyStringProperty activity() {
        return activity.getReadOnlyProperty();
    }

    /** The report of the last import that did not bring in every line; the window shows it in a dialog. */
    public ReadOnlyObjectProperty<ImportOutcome> outcome() {
        return outcome.getReadOnlyProperty();
    }

    /** The name of the open store, for the dialogs; null when none is open. */
    public String storeName() {
        return workspace.session().get() == null ? null : workspace.session().get().name();
    }

    /** What the export dialog starts with: the whole store, and the Events view's selected stream and correlation. */
    public ExportSuggestion exportSuggestion() {
        EventSummary selected = selectedEvent.get();
        return selected == null ? new ExportSuggestion("", "")
                : new ExportSuggestion(selected.streamId(), selected.correlationId() == null ? "" : selected.correlationId());
    }

    /** A fresh import form for {@code file}; call with a store open. */
    public ImportFormViewModel importForm(Path file) {
        return new ImportFormViewModel(file, storeName());
    }

    /** A fresh export form, starting from {@link #exportSuggestion()}; call with a store open. */
    public ExportFormViewModel exportForm() {
        return new ExportFormViewModel(storeName(), exportSuggestion());
    }

    /** The stream and correlation the export dialog offers. */
    public record ExportSuggestion(String streamId, String correlationId) {
    }

    /** True for files the import reads: NDJSON (or JSON Lines). */
    public static boolean isImportable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    public void importFile(Path file, ImportChoice choice) {
        EventStore store = workspace.eventStore();
        if (!canStart("import " + file.getFileName(), store)) {
            return;
        }
        AtomicBoolean stop = start("Importing " + file.getFileName());
        Task<ImportOutcome> task = tasks.run("Importing " + file.getFileName(), work -> {
            NdjsonImporter importer = choice.eventBridge()
                    ? NdjsonImporter.eventBridgeDeliveries(store) : NdjsonImporter.envelopes(store);
            return ImportOutcome.of(importer.importFile(file, choice.options(), new TaskMonitor(work, stop)), file, choice);
        }, result -> {
            finish();
            if (result.complete()) {
                notices.info(result.headline(), file.toString());
            } else {
                outcome.set(result);
            }
        });
        watch(task);
    }

    public void export(Path file, ExportChoice choice) {
        EventStore store = workspace.eventStore();
        if (!canStart("export to " + file.getFileName(), store)) {
            return;
        }
        AtomicBoolean stop = start("Exporting " + choice.describe());
        Task<Long> task = tasks.run("Exporting to " + file.getFileName(), work -> {
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            long written;
            try (OutputStream out = Files.newOutputStream(partial)) {
                written = new NdjsonExporter(store, choice.format()).export(choice.filter(), out, new TaskMonitor(work, stop));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            if (stop.get()) {
                Files.deleteIfExists(partial);
                return -1L;
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            return written;
        }, written -> {
            finish();
            if (written < 0) {
                notices.info("Export cancelled", "Nothing was written to " + file);
            } else {
                notices.info("Exported " + NumberFormat.getIntegerInstance(Locale.US).format(written)
                        + (written == 1 ? " event" : " events") + " of " + choice.describe(), file.toString());
            }
        });
        watch(task);
    }

    /** Asks the running transfer to stop at its next safe point. */
    public void cancel() {
        if (running.get()) {
            cancel.set(true);
            activity.set("Cancelling…");
        }
    }

    private boolean canStart(String what, EventStore store) {
        if (store == null) {
            notices.error("Cannot " + what, "No store is open");
            return false;
        }
        if (running.get()) {
            notices.error("Cannot " + what, "Another import or export is running; wait for it or cancel it");
            return false;
        }
        return true;
    }

    private AtomicBoolean start(String what) {
        cancel = new AtomicBoolean();
        running.set(true);
        activity.set(what);
        outcome.set(null);
        return cancel;
    }

    private void watch(Task<?> task) {
        progress.bind(task.progressProperty());
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> finish());
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> finish());
    }

    private void finish() {
        progress.unbind();
        running.set(false);
        activity.set("");
    }
}
