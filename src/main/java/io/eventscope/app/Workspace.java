package io.eventscope.app;

import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.ReadOnlyEventStore;
import io.eventscope.engine.store.jdbc.Database;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the open store and its engine live. Views watch {@link #session()} and reload when it
 * changes; opening and closing run as background tasks, so the FX thread never waits on a file.
 */
public final class Workspace {
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);
    private final ReadOnlyObjectWrapper<StoreSession> session = new ReadOnlyObjectWrapper<>();
    private final TaskExecutor tasks;
    private final StoreOpener opener;
    private final Function<OpenStore, Engine> engines;
    private final StoreSeeder seeder;
    private final Settings settings;

    public Workspace(TaskExecutor tasks, StoreOpener opener, Function<OpenStore, Engine> engines, StoreSeeder seeder,
                     Settings settings) {
        this.tasks = tasks;
        this.opener = opener;
        this.engines = engines;
        this.seeder = seeder;
        this.settings = settings;
    }

    /** The open store, null before the first one opens; changes only on the FX thread. */
    public ReadOnlyObjectProperty<StoreSession> session() {
        return session.getReadOnlyProperty();
    }

    /** The open store's events, or null. */
    public EventStore eventStore() {
        StoreSession open = session.get();
        return open == null ? null : open.store();
    }

    /** The open store's engine, or null. */
    public Engine engine() {
        StoreSession open = session.get();
        return open == null ? null : open.engine();
    }

    /** Opens the store in a file (creating it when missing), seeding the default store on its first start. */
    public void open(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        LOG.info("Opening {}", normalized);
        tasks.run("Opening " + normalized.getFileName(), progress -> {
            OpenStore opened = opener.open(normalized);
            Engine engine = null;
            try {
                engine = engines.apply(opened);
                if (normalized.equals(settings.defaultStore().toAbsolutePath().normalize())) {
                    seeder.seedIfEmpty(opened.store(), engine.journal(), progress);
                }
                settings.rememberStore(normalized);
                settings.save();
                return new StoreSession(opened, engine, normalized.toString(), normalized);
            } catch (Exception e) {
                if (engine != null) {
                    engine.close(); // it owns the store
                } else {
                    opened.close();
                }
                throw e;
            }
        }, this::replace);
    }

    /**
     * Opens a case unpacked into {@code scratch} to be looked at only: it is not remembered as a
     * recent store, its name says it is a case, and every write to it (a command, an import, a
     * saga run) is refused with a message naming the case.
     */
    public void openCase(Path scratch, Path caseFile) {
        String name = "Case " + caseFile.getFileName() + " (read-only)";
        String why = "This is the case " + caseFile.getFileName() + ", open read-only in a scratch store: nothing "
                + "can be written to it. To work on it, open a store of your own and use File > Import case.";
        tasks.run("Opening case " + caseFile.getFileName(), progress -> {
            OpenStore unpacked = opener.open(scratch.toAbsolutePath().normalize());
            OpenStore opened = new OpenStore(new ReadOnlyEventStore(unpacked.store(), why), unpacked.database());
            try {
                return new StoreSession(opened, engines.apply(opened), name, null);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, this::replace);
    }

    /**
     * Opens a store on a database server that other processes may share. The URL may hold a
     * password: it is used to connect and never shown, logged or remembered.
     */
    public void openShared(String jdbcUrl) {
        String shown = Database.displayUrl(jdbcUrl);
        LOG.info("Opening {}", shown);
        tasks.run("Opening " + shown, progress -> {
            OpenStore opened = opener.openShared(jdbcUrl);
            try {
                StoreSession session = new StoreSession(opened, engines.apply(opened), opened.store().describe(), null);
                settings.rememberSharedStore(shown);
                settings.save();
                return session;
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, this::replace);
    }

    /** Shows a store made elsewhere (tests, an in-memory session); its engine is built off the FX thread. */
    public void show(EventStore eventStore, String name) {
        OpenStore opened = new OpenStore(eventStore, null);
        tasks.run("Opening " + name, progress -> new StoreSession(opened, engines.apply(opened), name, null),
                this::replace);
    }

    private void replace(StoreSession next) {
        StoreSession previous = session.get();
        session.set(next);
        if (previous != null) {
            tasks.run("Closing " + previous.name(), progress -> {
                previous.close();
                return null;
            }, ignored -> { });
        }
    }

    /**
     * Closes the open store off the FX thread, as a task the status bar shows (the bus may wait
     * for a slow handler), then runs {@code then} on the FX thread, also when closing failed.
     */
    public void close(Runnable then) {
        StoreSession open = session.get();
        if (open == null) {
            then.run();
            return;
        }
        Task<Void> closing = tasks.run("Closing " + open.name(), progress -> {
            open.close();
            return null;
        }, closed -> then.run());
        closing.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> then.run());
        closing.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> then.run());
    }

    /** Closes the open store on the calling thread, which must not be the FX thread (tests). */
    public void close() {
        StoreSession open = session.get();
        if (open != null) {
            open.close();
        }
    }
}
