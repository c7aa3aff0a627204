package io.eventscope.app.main;

import io.eventscope.app.FxBatcher;
import io.eventscope.app.Navigation;
import io.eventscope.app.Notices;
import io.eventscope.app.StoreSession;
import io.eventscope.app.Settings;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The frame around the views: which store is open and how big it is, the live indicator,
 * the theme, recent stores, the background work in progress and the notices to show.
 */
public final class MainWindowViewModel {
    private static final String STORE_SUFFIX = ".mv.db";

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final Settings settings;
    private final Navigation navigation;
    private final Notices notices;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Eventscope");
    private final ReadOnlyStringWrapper storeName = new ReadOnlyStringWrapper("No store open");
    private final ReadOnlyStringWrapper eventCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper arrivals = new ReadOnlyIntegerWrapper();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final ObservableList<Path> recentStores = FXCollections.observableArrayList();
    private final ObservableList<String> recentSharedStores = FXCollections.observableArrayList();
    /** Held here: a binding only weakly referenced by its list would be collected and go quiet. */
    private final ObservableValue<Task<?>> currentTask;
    private Subscription live;
    private int generation;

    public MainWindowViewModel(Workspace workspace, TaskExecutor tasks, Settings settings, Navigation navigation,
                               Notices notices) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.settings = settings;
        this.navigation = navigation;
        this.notices = notices;
        ObservableList<Task<?>> running = tasks.running();
        currentTask = Bindings.createObjectBinding(() -> running.isEmpty() ? null : running.get(running.size() - 1),
                running);
        darkTheme.set(settings.darkTheme());
        darkTheme.addListener((obs, was, dark) -> {
            settings.setDarkTheme(dark);
            saveSettings();
        });
        recentStores.setAll(settings.recentStores());
        recentSharedStores.setAll(settings.recentSharedStores());
        showLastView();
        workspace.session().addListener((obs, old, now) -> storeChanged(now));
        storeChanged(workspace.session().get());
    }

    /** Opens on the view used last, and remembers each choice. */
    private void showLastView() {
        String last = settings.lastView();
        if (last != null && navigation.entries().stream().anyMatch(e -> e.id().equals(last))) {
            navigation.show(last);
        }
        navigation.selected().addListener((obs, old, now) -> {
            settings.setLastView(now.id());
            saveSettings();
        });
    }

    private void saveSettings() {
        tasks.run(progress -> {
            settings.save();
            return null;
        }, saved -> { });
    }

    public Navigation navigation() {
        return navigation;
    }

    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storeName() {
        return storeName.getReadOnlyProperty();
    }

    /** "1,234 events · head 1,234". */
    public ReadOnlyStringProperty eventCount() {
        return eventCount.getReadOnlyProperty();
    }

    /** Counts batches of arriving events: the live indicator flashes on each. */
    public ReadOnlyIntegerProperty arrivals() {
        return arrivals.getReadOnlyProperty();
    }

    public BooleanProperty darkTheme() {
        return darkTheme;
    }

    public ObservableList<Path> recentStores() {
        return recentStores;
    }

    /** Stores on database servers opened before, as JDBC URLs without passwords. */
    public ObservableList<String> recentSharedStores() {
        return recentSharedStores;
    }

    public ObservableList<Notices.Notice> notices() {
        return notices.posted();
    }

    /** The newest titled background task, null when none runs. */
    public ObservableValue<Task<?>> currentTask() {
        return currentTask;
    }

    public void openStore(Path file) {
        if (!file.getFileName().toString().endsWith(STORE_SUFFIX)) {
            notices.error("Cannot open " + file, "A store file ends in " + STORE_SUFFIX);
            return;
        }
        if (!Files.isRegularFile(file)) {
            notices.error("Cannot open " + file, "The file does not exist");
            recentStores.remove(file);
            return;
        }
        workspace.open(file);
    }

    /** Opens a store on a database server; a failure leaves the open store as it was. */
    public void openShared(String jdbcUrl) {
        workspace.openShared(jdbcUrl);
    }

    /** Creates a store; refuses to reuse a file so nothing stored is ever overwritten. */
    public void newStore(Path chosen) {
        String name = chosen.getFileName().toString();
        Path file = name.endsWith(STORE_SUFFIX) ? chosen : chosen.resolveSibling(name + STORE_SUFFIX);
        if (Files.exists(file)) {
            notices.error("Cannot create " + file, "A store already exists there; open it instead");
            return;
        }
        workspace.open(file);
    }

    public void close() {
        stopLive();
    }

    private void storeChanged(StoreSession open) {
        stopLive();
        int gen = ++generation;
        if (open == null) {
            storeName.set("No store open");
            title.set("Eventscope");
            return;
        }
        storeName.set(open.name());
        title.set("Eventscope — " + (open.file() == null ? open.name() : open.file().getFileName()));
        recentStores.setAll(settings.recentStores());
        recentSharedStores.setAll(settings.recentSharedStores());
        EventStore store = open.store();
        tasks.run(progress -> store.headPosition(), current -> {
            if (gen != generation) {
                return;
            }
            setHead(current);
            FxBatcher<Long> batcher = new FxBatcher<>(batch -> {
                if (gen == generation) {
                    setHead(batch.get(batch.size() - 1));
                    arrivals.set(arrivals.get() + 1);
                }
            });
            live = store.subscribe(current + 1, e -> batcher.add(e.position()));
        });
    }

    /** The newest position is also the number of events: the log has no gaps. */
    private void setHead(long position) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        eventCount.set(n.format(position) + (position == 1 ? " event" : " events") + " · head " + n.format(position));
    }

    private void stopLive() {
        if (live != null) {
            live.cancel();
            live = null;
        }
    }
}
