package io.eventscope.app.readmodels;

import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.Shown.text;
import static io.eventscope.app.TableCells.cell;
import static io.eventscope.app.TableCells.cellText;
import static io.eventscope.app.TableCells.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.TestWorkbench;
import io.eventscope.app.Workbench;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.StreamAppend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the real window's Read models view: lag while paused, a rebuild with its progress bar, the console. */
@ExtendWith(ApplicationExtension.class)
class ReadModelsViewTest {
    private static final int ORDERS = 3_000;

    @TempDir
    static Path home;

    private final EventStore store = new InMemoryEventStore();
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        orders(0, ORDERS);
        workbench = TestWorkbench.show(stage, home, store, "shop");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void the_view_shows_the_lag_of_a_paused_projection_and_a_rebuild_completes_with_its_progress_bar(FxRobot robot) {
        robot.clickOn("#nav-read-models");
        waitUntil(() -> table(robot, "#projectionsTable").getItems().size() == 2
                && cellText(robot, "checkpointColumn", 0).equals(String.valueOf(ORDERS)));
        assertThat(cellText(robot, "nameColumn", 0)).isEqualTo("orders");
        assertThat(cellText(robot, "lagColumn", 0)).isEqualTo("0");
        assertThat(cellText(robot, "stateColumn", 0)).isEqualTo("LIVE");

        robot.clickOn(cell(robot, "nameColumn", 0));
        robot.clickOn("#pauseButton");
        waitUntil(() -> cellText(robot, "stateColumn", 0).equals("PAUSED"));
        orders(ORDERS, 5);
        waitUntil(() -> cellText(robot, "lagColumn", 0).equals("5"));
        assertThat(cellText(robot, "checkpointColumn", 0)).isEqualTo(String.valueOf(ORDERS));
        assertThat(cellText(robot, "lagColumn", 1)).isEqualTo("0"); // stock goes on: not its events, but its checkpoint moves

        robot.clickOn("#resumeButton");
        waitUntil(() -> cellText(robot, "lagColumn", 0).equals("0"));

        robot.clickOn("#rebuildButton");
        waitUntil(() -> text(robot, "#messageLabel").startsWith("Rebuilt orders"));
        assertThat(robot.lookup("#rebuildProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        waitUntil(() -> cellText(robot, "generationColumn", 0).equals("2"));
        assertThat(text(robot, "#messageLabel")).contains("up to position " + (ORDERS + 5));
    }

    @Test
    void the_console_refuses_a_delete_as_read_only_and_the_rows_stay(FxRobot robot) {
        robot.clickOn("#nav-read-models");
        waitUntil(() -> table(robot, "#projectionsTable").getItems().size() == 2
                && cellText(robot, "checkpointColumn", 0).equals(String.valueOf(ORDERS)));
        robot.clickOn("SQL (read-only)");
        TextArea sql = robot.lookup("#sqlText").queryAs(TextArea.class);
        robot.interact(() -> sql.setText("DELETE FROM order_read_model"));
        robot.clickOn("#runSqlButton");
        waitUntil(() -> text(robot, "#sqlMessageLabel").startsWith("The SQL console is read-only"));

        robot.interact(() -> sql.setText("SELECT COUNT(*) AS orders FROM order_read_model"));
        robot.clickOn("#runSqlButton");
        waitUntil(() -> text(robot, "#sqlMessageLabel").equals("1 rows"));
        assertThat(List.copyOf(table(robot, "#sqlTable").getItems())).isEqualTo(List.of(List.of(String.valueOf(ORDERS))));
    }

    private void orders(int first, int count) {
        List<StreamAppend> appends = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            appends.add(new StreamAppend("order-o" + i, ExpectedVersion.NO_STREAM, List.of(new NewEvent("e-" + i,
                    "OrderCreated", null, null, 3, null, Json.parse("{\"orderId\":\"o" + i + "\",\"userId\":\"u"
                    + (i % 7) + "\",\"items\":[{\"sku\":\"MUG\",\"quantity\":1,\"unitPrice\":2.50}],\"amount\":2.50,"
                    + "\"currency\":\"EUR\"}"), Metadata.of("u", "corr-" + i, "cmd-" + i)))));
        }
        store.appendAll(appends);
    }
}
