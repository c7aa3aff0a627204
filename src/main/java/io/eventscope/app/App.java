package io.eventscope.app;

import io.eventscope.app.main.Theme;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.Stores;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/** The workbench window: opens the store named by {@code --store}, else the default one. */
public class App extends Application {
    // No static logger: this class is initialized on the main thread when launchWith is called, and
    // a logger made then would configure logback there, before the warm-up below could start.
    private Workbench workbench;

    public static void launchWith(String[] args) {
        // Logback reading its configuration and Jackson building its mapper take a tenth of a
        // second each: done beside the toolkit's start, not on the FX thread or the store's
        // opening, which would each wait for them otherwise (a logger asked for meanwhile is a
        // stand-in that SLF4J hands to logback once it is ready).
        Thread warmUp = new Thread(() -> {
            LoggerFactory.getILoggerFactory();
            Json.object();
        }, "start-up warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        Settings settings = Settings.fromSystem();
        Theme.apply(settings.darkTheme()); // before the first control, which would load Modena otherwise
        workbench = new Workbench(settings, file -> Stores.open(file.toString()),
                new StoreSeeder(sampleData().resolve("shop.ndjson")));
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LoggerFactory.getLogger(App.class).error("Uncaught on {}", thread.getName(), error);
            workbench.notices().error("Unexpected error", error);
        });
        // The store opens in the background while the FX thread builds the window: the two take
        // about as long, and the status bar shows the opening once the window is up.
        String spec = storeSpec(getParameters().getRaw());
        if (spec == null) {
            workbench.workspace().open(settings.defaultStore());
        } else if (spec.startsWith("jdbc:")) {
            workbench.workspace().openShared(spec);
        } else if (spec.equalsIgnoreCase("mem") || spec.equalsIgnoreCase("memory")) {
            workbench.workspace().show(new InMemoryEventStore(), "memory");
        } else {
            workbench.workspace().open(Path.of(spec));
        }
        stage.setScene(workbench.createScene());
        stage.titleProperty().bind(workbench.mainWindow().title());
        // Closing the window (or File > Quit) closes the store first, off the FX thread.
        stage.setOnCloseRequest(e -> {
            e.consume();
            workbench.quit(Platform::exit);
        });
        stage.show();
    }

    /**
     * The sample-data folder: in the working directory when run from the project, else next to
     * the folder holding the jar (target/eventscope.jar finds the project's sample-data).
     */
    private static Path sampleData() {
        Path here = Path.of("sample-data");
        if (Files.isDirectory(here)) {
            return here;
        }
        try {
            Path jar = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path besideJar = jar.getParent() == null || jar.getParent().getParent() == null ? here
                    : jar.getParent().getParent().resolve("sample-data");
            return Files.isDirectory(besideJar) ? besideJar : here;
        } catch (URISyntaxException | RuntimeException e) {
            return here;
        }
    }

    /** What follows {@code --store}, null when not given. */
    private static String storeSpec(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--store=")) {
                return arg.substring("--store=".length());
            }
            if (arg.equals("--store") && i + 1 < args.size()) {
                return args.get(i + 1);
            }
        }
        return null;
    }

}
