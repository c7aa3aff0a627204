package io.eventscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FxToolkitStarted.class)
class TaskExecutorTest {
    @TempDir
    Path dir;

    @Test
    void cancellingWorkThatWritesToAFileStoreLeavesTheStoreUsable() throws Exception {
        try (OpenStore opened = Stores.open(dir.resolve("cancel").toString());
             TaskExecutor tasks = new TaskExecutor(new Notices())) {
            CountDownLatch writing = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            CountDownLatch finished = new CountDownLatch(1);
            Task<?>[] task = new Task<?>[1];
            Platform.runLater(() -> task[0] = tasks.run("Appending", progress -> {
                try {
                    int n = 0;
                    while (!progress.isCancelled()) {
                        opened.store().append("order-" + n++, ExpectedVersion.NO_STREAM,
                                List.of(NewEvent.of("OrderCreated", Json.object(), Metadata.EMPTY)));
                        writing.countDown();
                    }
                    interrupted.set(Thread.currentThread().isInterrupted());
                    return null;
                } finally {
                    finished.countDown();
                }
            }, ignored -> { }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

            Platform.runLater(() -> task[0].cancel());

            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(interrupted).isFalse();
            long head = opened.store().headPosition();
            opened.store().append("order-after-cancel", ExpectedVersion.NO_STREAM,
                    List.of(NewEvent.of("OrderCreated", Json.object(), Metadata.EMPTY)));
            assertThat(opened.store().headPosition()).isEqualTo(head + 1);
        }
    }
}
