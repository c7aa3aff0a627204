package io.eventscope.app;

import static io.eventscope.app.WorkbenchTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.OpenStore;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Opening a store takes time or fails: the window stays usable and says what happens. */
@ExtendWith(ApplicationExtension.class)
class OpeningStoresTest {
    @TempDir
    static Path home;

    private final CountDownLatch release = new CountDownLatch(1);
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(new Settings(home), file -> {
            if (file.getFileName().toString().startsWith("broken")) {
                throw new EventStoreException("Cannot open the store " + file + ": the file is not an H2 database");
            }
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new OpenStore(new InMemoryEventStore(), null);
        }, new StoreSeeder(home.resolve("none.ndjson")));
        stage.setScene(workbench.createScene());
        stage.show();
    }

    @AfterEach
    void close() {
        release.countDown();
        workbench.close();
    }

    @Test
    void whileAStoreOpensTheStatusBarSaysSoAndTheWindowStillAnswers(FxRobot robot) {
        robot.interact(() -> workbench.workspace().open(home.resolve("slow.mv.db")));
        waitUntil(() -> text(robot, "#taskLabel").equals("Opening slow.mv.db")
                && robot.lookup("#taskLabel").query().isVisible());
        robot.clickOn("#nav-events");
        waitUntil(() -> robot.lookup("#table").tryQuery().isPresent());
        assertThat(text(robot, "#storeLabel")).isEqualTo("No store open");

        release.countDown();
        waitUntil(() -> text(robot, "#storeLabel").equals(home.resolve("slow.mv.db").toString()));
        waitUntil(() -> !robot.lookup("#taskLabel").query().isVisible());
    }

    @Test
    void aStoreThatCannotBeOpenedIsExplainedInADialog(FxRobot robot) {
        robot.interact(() -> workbench.workspace().open(home.resolve("broken.mv.db")));
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Opening broken.mv.db failed");
        assertThat(dialog.getContentText()).contains("the file is not an H2 database");
        assertThat(text(robot, "#storeLabel")).isEqualTo("No store open");
    }

    private static String text(FxRobot robot, String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }
}
