package io.eventscope.app;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.upcast.UpcasterChain;
import java.nio.file.Path;
import java.util.List;

/** A Workspace for ViewModel tests: the test shows its store directly, so opening a file is a mistake. */
public final class TestWorkspace {
    private TestWorkspace() {
    }

    /** A workspace keeping its settings in {@code home}, folding through {@code types} after {@code upcasters}. */
    public static Workspace create(TaskExecutor tasks, Path home, List<AggregateType<?, ?, ?>> types,
                                   UpcasterChain upcasters) {
        return new Workspace(tasks, file -> {
            throw new IllegalStateException("no files here");
        }, opened -> Engine.open(opened, types, upcasters), new StoreSeeder(home.resolve("none")), new Settings(home));
    }
}
