package io.eventscope.app.cases;

import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TaskMonitor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.io.CaseImportReport;
import io.eventscope.engine.io.CaseImporter;
import io.eventscope.engine.io.DamagedCaseException;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.testing.JUnitTestWriter;
import io.eventscope.engine.upcast.UpcasterChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Handing bugs over: File > Open case (a case unpacked into a scratch store of its own, which
 * then opens), File > Import case (merged into the open store, all or nothing) and Export as
 * test (a journaled command as a JUnit test of its decider). The work runs in background
 * tasks; a refused case is explained in a notice and writes nothing.
 */
public final class CasesViewModel {
    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final Notices notices;
    private final List<AggregateType<?, ?, ?>> types;
    private final UpcasterChain upcasters;
    private final Path scratchRoot;

    public CasesViewModel(Workspace workspace, TaskExecutor tasks, Notices notices, List<AggregateType<?, ?, ?>> types,
                          UpcasterChain upcasters, Path scratchRoot) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.notices = notices;
        this.types = List.copyOf(types);
        this.upcasters = upcasters;
        this.scratchRoot = scratchRoot;
    }

    /** Unpacks the case into a new scratch store and opens that read-only, so the open store is never touched. */
    public void openCase(Path file) {
        tasks.run("Opening case " + file.getFileName(), progress -> {
            Files.createDirectories(scratchRoot);
            Path scratch = Files.createTempDirectory(scratchRoot, "case-").resolve("case");
            try (Engine engine = Engine.open(Stores.open(scratch.toString()), types, upcasters)) {
                if (importInto(engine, file, new TaskMonitor(progress, new AtomicBoolean())) == null) {
                    return null;
                }
            }
            return scratch.resolveSibling("case.mv.db");
        }, scratch -> {
            if (scratch != null) {
                workspace.openCase(scratch, file);
            }
        });
    }

    /** Merges the case into the open store with the usual import checks. */
    public void importCase(Path file) {
        Engine engine = workspace.engine();
        if (engine == null) {
            notices.error("Import case", "No store is open");
            return;
        }
        tasks.run("Importing case " + file.getFileName(),
                progress -> importInto(engine, file, new TaskMonitor(progress, new AtomicBoolean())),
                report -> {
                    if (report != null) {
                        notices.info("Case imported", report.events() + " events and " + report.commands()
                                + " commands from " + file.getFileName());
                    }
                });
    }

    private CaseImportReport importInto(Engine engine, Path file, TaskMonitor monitor) {
        try {
            return new CaseImporter(engine.openStore().store(), engine.journal()).importCase(file, monitor);
        } catch (DamagedCaseException e) {
            notices.error("Case refused", e.getMessage());
            return null;
        }
    }

    /** Writes a JUnit test of the command's decider to {@code out}. */
    public void exportAsTest(String commandId, Path out) {
        Engine engine = workspace.engine();
        if (engine == null) {
            return;
        }
        tasks.run("Writing " + out.getFileName(), progress -> {
            try {
                JUnitTestWriter.GeneratedTest test = new JUnitTestWriter(engine.store(), engine.journal(), types)
                        .write(commandId);
                Files.writeString(out, test.source(), StandardCharsets.UTF_8);
                return out;
            } catch (IllegalArgumentException e) {
                notices.error("Export as test", e.getMessage());
                return null;
            }
        }, written -> {
            if (written != null) {
                notices.info("Export as test", "Wrote " + written);
            }
        });
    }
}
