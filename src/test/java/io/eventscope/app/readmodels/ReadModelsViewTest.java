package io.eventscope.app.readmodels;

import static io.eventscope.app.FxWait.fx;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window's Read models view: lag while paused, a rebuild with its progress bar,
 * the browser (first page, following its projection, after a rebuild) and the console.
 */
@ExtendWith(ApplicationExtension.class)
class ReadModelsViewTest {
    /** Enough for a rebuild of several pages, so its progress bar has steps between empty and full. */
    private static final int ORDERS = 5_000;
    private static final int PROJECTIONS = 3;

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
    void the_view_shows_the_lag_of_a_paused_projection_and_a_rebuild_completes_with_its_progress_bar(FxRobot robot) throws TimeoutException {
        awaitCaughtUp();
        robot.clickOn("#nav-read-models");
        waitUntil(() -> table(robot, "#projectionsTable").getItems().size() == PROJECTIONS
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

        ProgressBar bar = robot.lookup("#rebuildProgress").queryAs(ProgressBar.class);
        List<Double> shown = new CopyOnWriteArrayList<>();
        robot.interact(() -> bar.progressProperty().addListener((obs, old, now) -> shown.add(now.doubleValue())));
        robot.clickOn("#rebuildButton");
        waitUntil(() -> text(robot, "#messageLabel").startsWith("Rebuilt orders"));
        assertThat(bar.getProgress()).isEqualTo(1.0);
        assertThat(shown).as("the bar moved through the rebuild").anyMatch(p -> p > 0 && p < 1);
        waitUntil(() -> cellText(robot, "generationColumn", 0).equals("2"));
        assertThat(text(robot, "#messageLabel")).contains("up to position " + (ORDERS + 5));

        // the console asks the generation now live, not the one the rebuild dropped
        robot.clickOn("SQL (read-only)");
        runSql(robot, "SELECT COUNT(*) AS orders FROM order_read_model");
        waitUntil(() -> text(robot, "#sqlMessageLabel").equals("1 rows"));
        assertThat(List.copyOf(table(robot, "#sqlTable").getItems())).isEqualTo(List.of(List.of(String.valueOf(ORDERS + 5))));
    }

    @Test
    void the_browser_shows_a_first_page_that_loaded_before_the_view_was_first_shown(FxRobot robot)
            throws TimeoutException {
        // The view model loads its first page without the view; once every projection is caught up
        // and a refresh has passed, nothing reloads it: only the view's own start can show it.
        awaitCaughtUp();
        robot.sleep(1_500);
        assertThat(fx(() -> workbench.readModels().tableRows().get())).isNotNull();
        robot.clickOn("#nav-read-models");
        waitUntil(() -> browsed(robot).getItems().size() == 500);
        assertThat(browsed(robot).getColumns()).extracting(TableColumn::getText)
                .startsWith("id", "user_id", "status", "total", "item_count");
        assertThat(browsed(robot).getItems().get(0).get(0)).isEqualTo("o0");
    }

    @Test
    void the_browser_shows_new_rows_as_its_projection_catches_up_and_after_a_rebuild(FxRobot robot) throws TimeoutException {
        awaitCaughtUp();
        robot.clickOn("#nav-read-models");
        waitUntil(() -> cellText(robot, "checkpointColumn", 0).equals(String.valueOf(ORDERS))
                && !browsed(robot).getItems().isEmpty());
        robot.clickOn(cell(robot, "nameColumn", 0));
        robot.clickOn("#pauseButton");
        waitUntil(() -> cellText(robot, "stateColumn", 0).equals("PAUSED"));
        order("a-0");
        waitUntil(() -> cellText(robot, "lagColumn", 0).equals("1"));
        assertThat(firstBrowsedIds(robot)).doesNotContain("a-0");

        robot.clickOn("#resumeButton");
        waitUntil(() -> firstBrowsedIds(robot).equals(List.of("a-0", "o0")));

        robot.clickOn("#rebuildButton");
        waitUntil(() -> cellText(robot, "generationColumn", 0).equals("2"));
        order("a-1");
        waitUntil(() -> firstBrowsedIds(robot).equals(List.of("a-0", "a-1")));
    }

    @Test
    void the_console_refuses_a_delete_as_read_only_and_the_rows_stay(FxRobot robot) throws TimeoutException {
        awaitCaughtUp();
        robot.clickOn("#nav-read-models");
        waitUntil(() -> table(robot, "#projectionsTable").getItems().size() == PROJECTIONS
                && cellText(robot, "checkpointColumn", 0).equals(String.valueOf(ORDERS)));
        robot.clickOn("SQL (read-only)");
        runSql(robot, "DELETE FROM order_read_model");
        waitUntil(() -> text(robot, "#sqlMessageLabel").startsWith("The SQL console is read-only"));

        runSql(robot, "SELECT COUNT(*) AS orders FROM order_read_model");
        waitUntil(() -> text(robot, "#sqlMessageLabel").equals("1 rows"));
        assertThat(List.copyOf(table(robot, "#sqlTable").getItems())).isEqualTo(List.of(List.of(String.valueOf(ORDERS))));
    }

    /**
     * Waits, longer than one step of a test may take, for the engine built in the background to
     * have brought every projection up to the orders stored at the start (a loaded machine's
     * first JVM start of the window and Flyway can take a while).
     */
    private void awaitCaughtUp() throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> workbench.readModels().projections().size()
                == PROJECTIONS && workbench.readModels().projections().stream()
                .allMatch(p -> p.status().get().checkpoint() == ORDERS)));
    }

    private static void runSql(FxRobot robot, String text) {
        TextArea sql = robot.lookup("#sqlText").queryAs(TextArea.class);
        robot.interact(() -> sql.setText(text));
        robot.clickOn("#runSqlButton");
    }

    @SuppressWarnings("unchecked")
    private static TableView<List<String>> browsed(FxRobot robot) {
        return (TableView<List<String>>) table(robot, "#browseTable");
    }

    /** The ids of the browsed page's first two rows (ordered by id). */
    private static List<String> firstBrowsedIds(FxRobot robot) {
        return fx(() -> browsed(robot).getItems().stream().limit(2).map(row -> row.get(0)).toList());
    }

    private void order(String orderId) {
        store.appendAll(List.of(orderCreated(orderId, ORDERS)));
    }

    private void orders(int first, int count) {
        List<StreamAppend> appends = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            appends.add(orderCreated("o" + i, i));
        }
        store.appendAll(appends);
    }

    private static StreamAppend orderCreated(String orderId, int n) {
        return new StreamAppend("order-" + orderId, ExpectedVersion.NO_STREAM, List.of(new NewEvent("e-" + orderId,
                "OrderCreated", null, null, 3, null, Json.parse("{\"orderId\":\"" + orderId + "\",\"userId\":\"u"
                + (n % 7) + "\",\"items\":[{\"sku\":\"MUG\",\"quantity\":1,\"unitPrice\":2.50}],\"amount\":2.50,"
                + "\"currency\":\"EUR\"}"), Metadata.of("u", "corr-" + orderId, "cmd-" + orderId))));
    }
}
