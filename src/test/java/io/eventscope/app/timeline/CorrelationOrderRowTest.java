package io.eventscope.app.timeline;

import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.Shown.text;
import static io.eventscope.app.TableCells.cellText;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.TestWorkbench;
import io.eventscope.app.Workbench;
import io.eventscope.engine.io.ImportOptions;
import io.eventscope.engine.io.NdjsonImporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.InMemoryEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Correlation mode in the real window shows the order's read-model row as it stood at the scrubbed position. */
@ExtendWith(ApplicationExtension.class)
class CorrelationOrderRowTest {
    private static final Path SAGAS = Path.of("sample-data", "sagas.ndjson");
    /** A saga that shipped its order. */
    private static final String SHIPPED_ORDER = "sim-o1-0005";

    @TempDir
    static Path home;
    @TempDir
    static Path data;

    private Workbench workbench;

    @Start
    void start(Stage stage) throws IOException {
        // One saga without its stock reservations (the stock streams are shared with other orders): a small store opens
        // fast. Its ten events are steps and positions 1-10: OrderCreated 1, OrderPaid 8, OrderShipped 9.
        Path oneSaga = data.resolve("one-saga.ndjson");
        Files.write(oneSaga, Files.readAllLines(SAGAS).stream()
                .filter(line -> line.contains("\"correlationId\":\"" + SHIPPED_ORDER + "\"")
                        && !line.contains("\"streamId\":\"inventory-"))
                .toList());
        EventStore store = new InMemoryEventStore();
        NdjsonImporter.envelopes(store).importFile(oneSaga, ImportOptions.ATOMIC, ProgressMonitor.NONE);
        workbench = TestWorkbench.show(stage, home, store, "sagas");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void scrubbingACorrelationShowsTheOrdersRowAsItStoodAtThatPosition(FxRobot robot) {
        waitUntil(() -> workbench.workspace().engine() != null);
        robot.clickOn("#nav-timeline");
        robot.clickOn("Correlation");
        robot.clickOn("#correlationField").write(SHIPPED_ORDER).type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#stepTitleLabel").startsWith("Step 10 of 10 · position 10"));
        waitUntil(() -> status(robot).equals("SHIPPED"));
        assertThat(text(robot, "#orderRowTitleLabel"))
                .isEqualTo("order_read_model for order-sim-o1-0005 as of position 10");

        scrubTo(robot, 8);
        waitUntil(() -> text(robot, "#orderRowTitleLabel").endsWith("as of position 8"));
        waitUntil(() -> status(robot).equals("PAID"));

        scrubTo(robot, 7);
        waitUntil(() -> text(robot, "#orderRowTitleLabel").endsWith("as of position 7"));
        assertThat(status(robot)).isEqualTo("PENDING");

        scrubTo(robot, 0);
        waitUntil(() -> text(robot, "#orderRowTitleLabel").endsWith("as of position 0"));
        assertThat(robot.lookup("#orderRowTable").queryAs(TableView.class).getItems()).isEmpty();
        assertThat(robot.lookup("#orderRowPlaceholder").queryAs(Label.class).getText())
                .isEqualTo("No row yet: the order is not created at this position");

        scrubTo(robot, 9);
        waitUntil(() -> status(robot).equals("SHIPPED"));
    }

    private static void scrubTo(FxRobot robot, int step) {
        Slider slider = robot.lookup("#correlationSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(step));
    }

    /** The Value cell beside the row whose Column cell says "status", as shown; empty when none is shown. */
    private static String status(FxRobot robot) {
        for (int row = 0; row < 10; row++) {
            if (cellText(robot, "orderColumnColumn", row).equals("status")) {
                return cellText(robot, "orderValueColumn", row);
            }
        }
        return "";
    }
}
