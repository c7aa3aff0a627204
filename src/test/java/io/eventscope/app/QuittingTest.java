package io.eventscope.app;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ForwardingEventStore;
import io.eventscope.engine.store.InMemoryEventStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Quitting while the store is slow to close: it closes off the FX thread, with progress shown. */
@ExtendWith(ApplicationExtension.class)
class QuittingTest {
    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        EventStore slowToClose = new ForwardingEventStore(new InMemoryEventStore()) {
            @Override
            public void close() {
                busyFor(2_500); // as a bus waiting for a handler still running
                super.close();
            }
        };
        workbench = TestWorkbench.show(stage, home, slowToClose, "slow-shop");
    }

    @Test
    void quittingWhileTheStoreTakesLongToCloseKeepsTheWindowAliveAndSaysWhatItWaitsFor(FxRobot robot) {
        waitUntil(() -> fx(() -> workbench.workspace().engine()) != null);

        AtomicBoolean exited = new AtomicBoolean();
        fx(() -> workbench.quit(() -> exited.set(true)));

        assertThat(exited).as("quit returned before the store was closed").isFalse();
        waitUntil(() -> robot.lookup("#taskLabel").queryAs(Label.class).getText().equals("Closing slow-shop"));
        waitUntil(exited::get);
    }

    /** Keeps going when interrupted, as a handler stuck in a call would. */
    private static void busyFor(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ignored) {
                // on purpose: the handler does not stop early
            }
        }
    }
}
