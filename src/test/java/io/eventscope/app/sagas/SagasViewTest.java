package io.eventscope.app.sagas;

import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.TableCells.cellText;
import static io.eventscope.app.TableCells.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.eventscope.app.TestWorkbench;
import io.eventscope.app.Workbench;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.shop.saga.SagaStepRecord;
import io.eventscope.shop.saga.StepKind;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the Sagas view: a batch with failing payments, a compensated saga drawn with its compensation running back. */
@ExtendWith(ApplicationExtension.class)
class SagasViewTest {
    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = TestWorkbench.show(stage, home, new InMemoryEventStore(), "empty");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void failingPaymentsDrawACompensatedSagaWithItsCompensationRunningBack(FxRobot robot) {
        robot.clickOn("#nav-sagas");
        type(robot, "#paymentSpinner", "1");
        type(robot, "#ordersSpinner", "6");
        robot.clickOn("#runBatchButton");
        // The table fills from the store while the batch finishes; the summary comes once it has.
        waitUntil(() -> robot.lookup("#messageLabel").queryLabeled().getText().startsWith("6 sagas stored"));
        assertThat(robot.lookup("#messageLabel").queryLabeled().getText())
                .isEqualTo("6 sagas stored: 0 completed, 6 compensated, 0 need intervention");
        waitUntil(() -> table(robot, "#sagasTable").getItems().size() == 6);

        robot.clickOn("#outcomeChoice").clickOn("compensated");
        waitUntil(() -> table(robot, "#sagasTable").getItems().size() == 6);
        robot.clickOn(robot.lookup("#sagasTable .table-row-cell").nth(0).queryAs(Node.class));
        assertThat(cellText(robot, "statusColumn", 0)).isEqualTo("compensated");
        waitUntil(() -> !steps(robot, "step-compensation").isEmpty());

        Rectangle forward = steps(robot, "step-forward").get(0);
        Rectangle compensation = steps(robot, "step-compensation").get(0);
        assertThat(((SagaStepRecord) forward.getUserData()).eventType()).isEqualTo("InventoryReserved");
        assertThat(((SagaStepRecord) compensation.getUserData()).kind()).isEqualTo(StepKind.COMPENSATION);
        assertThat(compensation.getY()).as("same inventory lane").isEqualTo(forward.getY());
        assertThat(compensation.getFill()).isNotEqualTo(forward.getFill());
        assertThat(steps(robot, "step-failure")).extracting(r -> ((SagaStepRecord) r.getUserData()).eventType())
                .containsExactly("PaymentFailed");
        Line arrow = (Line) robot.lookup("#swimlanes .compensation-arrow").query();
        assertThat(arrow.getEndX()).as("runs back in time").isLessThan(arrow.getStartX());
        assertThat(arrow.getEndX()).isCloseTo(forward.getX() + forward.getWidth() / 2 + 8, offset(1.0));
        assertThat(arrow.getStrokeDashArray()).isNotEmpty();

        robot.clickOn(robot.lookup("#stepsList .list-cell").queryAll().stream()
                .filter(c -> ((ListCell<?>) c).getText() != null && ((ListCell<?>) c).getText().startsWith("StepCompensated"))
                .findFirst().orElseThrow());
        waitUntil(() -> compensation.getStyleClass().contains("step-selected")
                || steps(robot, "step-selected").stream().anyMatch(r -> r.getUserData() == compensation.getUserData()));
        waitUntil(() -> robot.lookup("#afterText").queryAs(TextArea.class).getText().contains("\"compensated\" : [ \"RESERVE\" ]"));
        assertThat(robot.lookup("#beforeText").queryAs(TextArea.class).getText()).contains("\"compensated\" : [ ]",
                "\"status\" : \"COMPENSATING\"");
    }

    private static List<Rectangle> steps(FxRobot robot, String styleClass) {
        Pane lanes = robot.lookup("#swimlanes").queryAs(Pane.class);
        return lanes.getChildren().stream().filter(n -> n instanceof Rectangle && n.getStyleClass().contains(styleClass))
                .map(Rectangle.class::cast).toList();
    }

    private static void type(FxRobot robot, String spinner, String value) {
        robot.doubleClickOn(spinner + " .text-field").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write(value).type(KeyCode.ENTER);
    }
}
