package io.eventscope.app;

import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.Shown.text;
import static io.eventscope.app.Shown.treeTexts;
import static io.eventscope.app.TableCells.cell;
import static io.eventscope.app.TableCells.cellText;
import static io.eventscope.app.TableCells.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.store.EventStore;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the real window as a person would: reads the status bar, filters, watches the tail. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {
    @TempDir
    static Path home;

    private Workbench workbench;
    private EventStore store;

    @Start
    void start(Stage stage) {
        store = SampleEvents.shop(5);
        workbench = TestWorkbench.show(stage, home, store, "test-shop");
    }

    @BeforeEach
    void openTheEventsView(FxRobot robot) {
        robot.clickOn("#nav-events");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theStatusBarNamesTheStoreAndCountsItsEvents(FxRobot robot) {
        waitUntil(() -> text(robot, "#countLabel").startsWith("15 events"));
        assertThat(text(robot, "#storeLabel")).isEqualTo("test-shop");
        assertThat(text(robot, "#countLabel")).isEqualTo("15 events · head 15");
    }

    @Test
    void theEventsViewListsTheLogInPositionOrder(FxRobot robot) {
        waitUntil(() -> cellText(robot, "typeColumn", 0).equals("OrderCreated"));
        assertThat(table(robot, "#table").getItems()).hasSize(15);
        assertThat(cellText(robot, "streamColumn", 0)).isEqualTo("order-o1");
        assertThat(cellText(robot, "typeColumn", 1)).isEqualTo("PaymentRequested");
        assertThat(cellText(robot, "correlationColumn", 2)).isEqualTo("corr-1");
        assertThat(text(robot, "#matchesLabel")).isEqualTo("15 events");
    }

    @Test
    void filteringByCorrelationListsExactlyThatChain(FxRobot robot) {
        waitUntil(() -> text(robot, "#matchesLabel").equals("15 events"));
        robot.clickOn("#correlationField").write("corr-3").type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#matchesLabel").equals("3 matches"));
        waitUntil(() -> cellText(robot, "typeColumn", 2).equals("OrderPaid"));
        assertThat(table(robot, "#table").getItems()).hasSize(3);
        for (int row = 0; row < 3; row++) {
            assertThat(cellText(robot, "correlationColumn", row)).isEqualTo("corr-3");
        }
        assertThat(List.of(cellText(robot, "typeColumn", 0), cellText(robot, "typeColumn", 1),
                cellText(robot, "typeColumn", 2)))
                .containsExactly("OrderCreated", "PaymentRequested", "OrderPaid");
        assertThat(cellText(robot, "causationColumn", 1)).isEqualTo("evt-created-3");
    }

    @Test
    void selectingAnEventShowsItsDataInTheDetailTree(FxRobot robot) {
        waitUntil(() -> cellText(robot, "typeColumn", 0).equals("OrderCreated"));
        robot.clickOn(cell(robot, "streamColumn", 0));
        waitUntil(() -> treeTexts(robot).contains("total:  10.50"));
        assertThat(treeTexts(robot)).contains("aggregateId:  \"o1\"", "eventType:  \"OrderCreated\"",
                "streamId:  \"order-o1\"");
    }

    @Test
    void theCausationTreeOfACorrelationLeadsFromCauseToEffectAndSelectsTheEvents(FxRobot robot) {
        waitUntil(() -> cellText(robot, "typeColumn", 5).equals("OrderPaid"));
        robot.clickOn(cell(robot, "typeColumn", 5));
        waitUntil(() -> !robot.lookup("#correlationButton").queryButton().isDisabled());
        robot.clickOn("#correlationButton");

        waitUntil(() -> text(robot, "#matchesLabel").equals("3 matches"));
        waitUntil(() -> treeTexts(robot).contains("PaymentRequested · payment-p2 v1 · @5"));
        assertThat(treeTexts(robot)).contains("correlation corr-2", "OrderCreated · order-o2 v1 · @4",
                "OrderPaid · order-o2 v2 · @6");

        robot.clickOn("OrderCreated · order-o2 v1 · @4");
        waitUntil(() -> table(robot, "#table").getSelectionModel().getSelectedIndex() == 0);
        robot.clickOn("#effectsButton");
        waitUntil(() -> table(robot, "#table").getSelectionModel().getSelectedIndex() == 1);
        robot.clickOn("#effectsButton");
        waitUntil(() -> table(robot, "#table").getSelectionModel().getSelectedIndex() == 2);
        robot.clickOn("#causesButton");
        waitUntil(() -> table(robot, "#table").getSelectionModel().getSelectedIndex() == 1);
        assertThat(cellText(robot, "typeColumn", 1)).isEqualTo("PaymentRequested");
    }

    @Test
    void theCausationTabIsBuiltWhenItIsFirstOpened(FxRobot robot) {
        waitUntil(() -> text(robot, "#matchesLabel").equals("15 events"));
        assertThat(robot.lookup("#causationTreeView").tryQuery()).isEmpty();

        robot.clickOn("Causation");
        waitUntil(() -> robot.lookup("#causationTreeView").tryQuery().isPresent());
        assertThat(robot.lookup("#causesButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void eventsAppendedElsewhereAppearLiveAndNotWhilePaused(FxRobot robot) {
        waitUntil(() -> text(robot, "#matchesLabel").equals("15 events"));

        new Thread(() -> SampleEvents.addOrder(store, 6)).start();
        waitUntil(() -> text(robot, "#matchesLabel").equals("18 events"));
        waitUntil(() -> text(robot, "#countLabel").startsWith("18 events"));
        waitUntil(() -> cellText(robot, "correlationColumn", 17).equals("corr-6"));

        robot.clickOn("#pauseButton");
        new Thread(() -> SampleEvents.addOrder(store, 7)).start();
        waitUntil(() -> ((ToggleButton) robot.lookup("#pauseButton").query()).getText().equals("Paused · 3 new"));
        assertThat(table(robot, "#table").getItems()).hasSize(18);
        assertThat(text(robot, "#matchesLabel")).isEqualTo("18 events");

        robot.clickOn("#pauseButton");
        waitUntil(() -> text(robot, "#matchesLabel").equals("21 events"));
        assertThat(table(robot, "#table").getItems()).hasSize(21);
    }

    @Test
    void ctrlFGoesToTheFiltersAndEnterAppliesThem(FxRobot robot) {
        waitUntil(() -> text(robot, "#matchesLabel").equals("15 events"));
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("payment-").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#matchesLabel").equals("5 matches"));
        waitUntil(() -> cellText(robot, "streamColumn", 4).equals("payment-p5"));
    }

    @Test
    void aBadTimeInTheFilterIsExplainedAndKeepsTheList(FxRobot robot) {
        waitUntil(() -> text(robot, "#matchesLabel").equals("15 events"));
        robot.clickOn("#fromField").write("yesterday").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#filterErrorLabel").contains("From: 'yesterday' is not a time"));
        assertThat(table(robot, "#table").getItems()).hasSize(15);
    }
}
