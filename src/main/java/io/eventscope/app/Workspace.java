package io.eventscope.app;

import io.eventscope.engine.store.EventStore;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Where the open store lives. Views watch {@link #store()} and reload when it changes; opening
 * and closing run as background tasks, so the FX thread never waits on a file.
 */
public final class Workspace {
    private final ReadOnlyObjectWrapper<StoreSession> store = new ReadOnlyObjectWrapper<>();
    private final TaskExecutor tasks;
    private final StoreOpener opener;
    private final StoreSeeder seeder;
    private final Settings settings;

    public Workspace(TaskExecutor tasks, StoreOpener opener, StoreSeeder seeder, Settings settings) {
        this.tasks = tasks;
        this.opener = opener;
        this.seeder = seeder;
        this.settings = settings;
    }

    /** The open store, null before the first one opens; changes only on the FX thread. */
    public ReadOnlyObjectProperty<StoreSession> store() {
        return store.getReadOnlyProperty();
    }

    /** The open store's engine object, or null. */
    public EventStore eventStore() {
        StoreSession open = store.get();
        return open == null ? null : open.store();
    }

    /** Opens the store in a file (creating it when missing), seeding the default store on its first start. */
    public void open(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        tasks.run("Opening " + normalized.getFileName(), progress -> {
            EventStore opened = opener.open(normalized);
            if (normalized.equals(settings.defaultStore().toAbsolutePath().normalize())) {
                seeder.seedIfEmpty(opened, progress);
            }
            return new StoreSession(opened, normalized.toString(), normalized);
        }, opened -> {
            settings.rememberStore(normalized);
            replace(opened);
        });
    }

    /** Shows a store made elsewhere (tests, an in-memory session). */
    public void show(EventStore eventStore, String name) {
        replace(new StoreSession(eventStore, name, null));
    }

    private void replace(StoreSession next) {
        StoreSession previous = store.get();
        store.set(next);
        if (previous != null && previous.store() != next.store()) {
            tasks.run("Closing " + previous.name(), progress -> {
                previous.store().close();
                return null;
            }, ignored -> { });
        }
    }

    /** Closes the open store; called when the window goes away. */
    public void close() {
        StoreSession open = store.get();
        if (open != null) {
            open.store().close();
        }
    }
}
