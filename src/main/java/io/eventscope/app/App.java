package io.eventscope.app;

import io.eventscope.engine.store.Stores;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The workbench window: opens the store named by {@code --store}, else the default one. */
public class App extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private Workbench workbench;

    public static void launchWith(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        Settings settings = Settings.fromSystem();
        workbench = new Workbench(settings, file -> Stores.open(file.toString()),
                new StoreSeeder(Path.of("sample-data", "shop.ndjson")));
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught on {}", thread.getName(), error);
            workbench.notices().error("Unexpected error", error);
        });
        stage.setScene(workbench.createScene());
        stage.titleProperty().bind(workbench.mainWindow().title());
        stage.show();
        workbench.workspace().open(storeToOpen(getParameters().getRaw(), settings));
    }

    private static Path storeToOpen(List<String> args, Settings settings) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--store=")) {
                return Path.of(arg.substring("--store=".length()));
            }
            if (arg.equals("--store") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
        }
        return settings.defaultStore();
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
