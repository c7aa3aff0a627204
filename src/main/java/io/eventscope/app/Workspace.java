package io.eventscope.app;

import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.jdbc.Database;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
                return new StoreSession(opened, engine, normalized.toString(), normalized);
            } catch (Exception e) {
                if (engine != null) {
                    engine.close(); // it owns the store
                } else {
                    opened.close();
                }
                throw e;
            }
        }, opened -> {
            settings.rememberStore(normalized);
            replace(opened);
        });
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
                return new StoreSession(opened, engines.apply(opened), opened.store().describe(), null);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, opened -> {
            settings.rememberSharedStore(shown);
            replace(opened);
        });
    }

    /** Shows a store made elsewhere (tests, an in-memory session). */
    public void show(EventStore eventStore, String name) {
        OpenStore opened = new OpenStore(eventStore, null);
        replace(new StoreSession(opened, engines.apply(opened), name, null));
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

    /** Closes the open store; called when the window goes away. */
    public void close() {
        StoreSession open = session.get();
        if (open != null) {
            open.close();
        }
    }
}
