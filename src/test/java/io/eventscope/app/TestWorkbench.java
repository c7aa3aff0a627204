package io.eventscope.app;

import io.eventscope.engine.store.EventStore;
import java.nio.file.Path;
import javafx.stage.Stage;

/** The real window for UI tests: a Workbench in a temporary home, shown on the test's stage with a store open. */
public final class TestWorkbench {
    private TestWorkbench() {
    }

    /** Builds the Workbench with {@code home} as its settings folder, shows it and opens {@code store} as {@code name}. */
    public static Workbench show(Stage stage, Path home, EventStore store, String name) {
        Workbench workbench = new Workbench(new Settings(home), file -> {
            throw new IllegalStateException("tests open no files");
        }, new StoreSeeder(home.resolve("none.ndjson")));
        stage.setScene(workbench.createScene());
        stage.show();
        workbench.workspace().show(store, name);
        return workbench;
    }
}
