package io.eventscope.app.main;

import static io.eventscope.app.FxWait.fx;
import io.eventscope.engine.upcast.UpcasterChain;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.FxToolkitStarted;
import io.eventscope.app.Navigation;
import io.eventscope.app.Notices;
import io.eventscope.app.Settings;
import io.eventscope.app.StoreSeeder;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.upcast.UpcasterChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The frame's logic: stores opened and remembered, refusals explained, the theme kept. */
@ExtendWith(FxToolkitStarted.class)
class MainWindowViewModelTest {
    @TempDir
    Path home;

    private final List<Path> opened = new ArrayList<>();
    private Notices notices;
    private TaskExecutor tasks;
    private Settings settings;
    private MainWindowViewModel model;

    @BeforeEach
    void setUp() {
        notices = new Notices();
        tasks = new TaskExecutor(notices);
        settings = new Settings(home);
        model = fx(() -> new MainWindowViewModel(workspace(), tasks, settings, new Navigation(List.of()), notices));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private Workspace workspace() {
        return new Workspace(tasks, file -> {
            opened.add(file);
            return new OpenStore(new InMemoryEventStore(), null);
        }, store -> Engine.open(store, List.of(), UpcasterChain.EMPTY), new StoreSeeder(home.resolve("none")), settings);
    }

    @Test
    void anOpenedStoreIsNamedCountedAndRemembered() throws Exception {
        Path file = Files.createFile(home.resolve("shop.mv.db"));
        fx(() -> {
            model.openStore(file);
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> model.storeName().get()).equals(file.toString()));
        // the count comes from a task of its own, after the name
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> model.eventCount().get()).equals("0 events · head 0"));
        assertThat(fx(() -> model.title().get())).isEqualTo("Eventscope — shop.mv.db");
        assertThat(fx(() -> List.copyOf(model.recentStores()))).containsExactly(file);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> new Settings(home).recentStores().equals(List.of(file)));
    }

    @Test
    void aNewStoreNeverReusesAnExistingFile() throws Exception {
        Files.createFile(home.resolve("taken.mv.db"));
        fx(() -> {
            model.newStore(home.resolve("taken"));
            return null;
        });
        assertThat(opened).isEmpty();
        assertThat(fx(() -> notices.posted().get(0).text())).isEqualTo("A store already exists there; open it instead");

        fx(() -> {
            model.newStore(home.resolve("fresh"));
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> model.storeName().get()).endsWith("fresh.mv.db"));
        assertThat(opened).containsExactly(home.resolve("fresh.mv.db").toAbsolutePath().normalize());
    }

    @Test
    void openingAFileThatIsNotAStoreSaysSo() {
        fx(() -> {
            model.openStore(home.resolve("notes.txt"));
            return null;
        });
        assertThat(fx(() -> notices.posted().get(0).title())).isEqualTo("Cannot open " + home.resolve("notes.txt"));
        assertThat(fx(() -> notices.posted().get(0).text())).isEqualTo("A store file ends in .mv.db");
        assertThat(opened).isEmpty();
    }

    @Test
    void theThemeChoiceIsRememberedForTheNextStart() throws Exception {
        fx(() -> {
            model.darkTheme().set(true);
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> new Settings(home).darkTheme());
        settings = new Settings(home);
        MainWindowViewModel next = fx(() -> new MainWindowViewModel(workspace(), tasks, settings,
                new Navigation(List.of()), notices));
        assertThat(fx(() -> next.darkTheme().get())).isTrue();
    }
}
