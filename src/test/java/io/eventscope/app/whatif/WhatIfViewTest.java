package io.eventscope.app.whatif;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.Shown.text;
import static io.eventscope.app.TableCells.cellText;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.TestWorkbench;
import io.eventscope.app.Workbench;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.InMemoryEventStore;
import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.kordamp.ikonli.javafx.FontIcon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Forks an order's past from the Timeline in the real window: skip its payment, see its shipping refused. */
@ExtendWith(ApplicationExtension.class)
class WhatIfViewTest {
    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = TestWorkbench.show(stage, home, new InMemoryEventStore(), "shop");
    }

    /** The workspace builds its engine in the background: wait for it, then make the order's history. */
    private void placePaidAndShippedOrder() {
        waitUntil(() -> fx(() -> workbench.workspace().engine()) != null);
        Engine engine = fx(() -> workbench.workspace().engine());
        run(engine, "CreateOrder", "{\"orderId\":\"o1\",\"userId\":\"alice\",\"items\":[{\"sku\":\"a\",\"quantity\":2,\"unitPrice\":12.25}]}");
        run(engine, "PayOrder", "{\"orderId\":\"o1\",\"amount\":24.50}");
        run(engine, "ShipOrder", "{\"orderId\":\"o1\",\"trackingNumber\":\"T-1\"}");
    }

    private static void run(Engine engine, String type, String json) {
        assertThat(engine.commands().handle(CommandEnvelope.of(type, Json.parse(json), "alice", "c1")).accepted())
                .as(type).isTrue();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void skippingThePaymentInTheTimelineShowsTheShippingRejectedAndTheStatesApart(FxRobot robot) {
        placePaidAndShippedOrder();
        robot.clickOn("#nav-timeline");
        robot.clickOn("#streamField").write("order-o1").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#positionLabel").equals("v3 / 3"));
        robot.clickOn("#diffTable").type(KeyCode.LEFT);
        waitUntil(() -> text(robot, "#eventTitleLabel").startsWith("v2 · OrderPaid"));

        robot.clickOn("#whatIfButton");
        waitUntil(() -> text(robot, "#forkLabel").startsWith("Fork at order-o1 v2 · OrderPaid"));
        ComboBox<?> change = robot.lookup("#changeBox").queryAs(ComboBox.class);
        assertThat(change.getValue()).isEqualTo(ChangeKind.SKIP);
        robot.clickOn("#runButton");

        waitUntil(() -> cellText(robot, "verdictColumn", 0).equals("now rejected"));
        assertThat(robot.lookup("#outcomeTable").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(cellText(robot, "commandColumn", 0)).startsWith("ShipOrder");
        assertThat(cellText(robot, "verdictColumn", 0)).isEqualTo("now rejected");
        assertThat(cellText(robot, "thenColumn", 0)).isEqualTo("accepted: OrderShipped");
        assertThat(cellText(robot, "nowColumn", 0))
                .isEqualTo("rejected: Order o1 is not paid yet; only a paid order ships.");
        assertThat(text(robot, "#summaryLabel")).startsWith("1 commands decided again, 1 came out otherwise");
        @SuppressWarnings("unchecked")
        TableView<StateRow> states = robot.lookup("#stateTable").queryAs(TableView.class);
        assertThat(states.getItems()).contains(new StateRow("order-o1", "status", "\"SHIPPED\"", "\"PENDING\"", true));
    }

    @Test
    void forkingAtAStepOfCorrelationModeForksAtThatGlobalPosition(FxRobot robot) {
        placePaidAndShippedOrder();
        robot.clickOn("#nav-timeline");
        robot.clickOn("Correlation");
        robot.clickOn("#correlationField").write("c1").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#stepTitleLabel").startsWith("Step 3 of 3"));
        robot.clickOn("#correlationPreviousButton");
        waitUntil(() -> text(robot, "#stepTitleLabel").startsWith("Step 2 of 3 · position 2 · OrderPaid"));

        robot.clickOn("#correlationWhatIfButton");
        waitUntil(() -> text(robot, "#forkLabel").equals("Fork at order-o1 v2 · OrderPaid · position 2"));
        robot.clickOn("#runButton");
        waitUntil(() -> cellText(robot, "verdictColumn", 0).equals("now rejected"));
        assertThat(cellText(robot, "commandColumn", 0)).startsWith("ShipOrder");
    }

    @Test
    void theBranchPlaysLikeAnyStreamWithTheSliderTheStepButtonsTheKeysAndPlayback(FxRobot robot) {
        placePaidAndShippedOrder();
        robot.clickOn("#nav-timeline");
        robot.clickOn("#streamField").write("order-o1").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#positionLabel").equals("v3 / 3"));
        robot.clickOn("#diffTable").type(KeyCode.LEFT).type(KeyCode.LEFT);
        waitUntil(() -> text(robot, "#eventTitleLabel").startsWith("v1 · OrderCreated"));
        robot.clickOn("#whatIfButton");
        waitUntil(() -> text(robot, "#forkLabel").startsWith("Fork at order-o1 v1 · OrderCreated"));

        robot.clickOn("#changeBox").clickOn(ChangeKind.INSERT.toString());
        robot.clickOn("#insertTypeField").write("CancelOrder");
        robot.clickOn("#insertPayloadField").push(KeyCode.CONTROL, KeyCode.A)
                .write("{\"orderId\":\"o1\",\"reason\":\"changed my mind\"}");
        robot.clickOn("#runButton");
        waitUntil(() -> cellText(robot, "verdictColumn", 0).equals("inserted"));

        robot.clickOn("Play the branch");
        waitUntil(() -> text(robot, "#branchPositionLabel").equals("v2 / 2")
                && text(robot, "#branchTitleLabel").startsWith("v2 · OrderCancelled"));
        assertThat(robot.lookup("#branchStreamBox").queryAs(ComboBox.class).getValue()).isEqualTo("order-o1");
        assertThat(changedFields(robot)).anyMatch(f -> f.startsWith("status: ") && f.contains("CANCELLED"));

        robot.clickOn("#branchStateTree").type(KeyCode.HOME);
        waitUntil(() -> text(robot, "#branchTitleLabel").equals("v0 · initial state"));
        assertThat(text(robot, "#branchPositionLabel")).isEqualTo("v0 / 2");
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> text(robot, "#branchTitleLabel").startsWith("v1 · OrderCreated"));
        assertThat(robot.lookup("#branchSlider").queryAs(Slider.class).getValue()).isEqualTo(1.0);

        robot.clickOn("#branchFirstButton");
        waitUntil(() -> text(robot, "#branchTitleLabel").equals("v0 · initial state"));
        robot.clickOn("#branchPlayButton");
        waitUntil(() -> text(robot, "#branchTitleLabel").startsWith("v2 · OrderCancelled"));
        FontIcon play = robot.lookup("#branchPlayIcon").queryAs(FontIcon.class);
        waitUntil(() -> fx(play::getIconLiteral).equals("mdi2p-play"));
        assertThat(text(robot, "#branchPositionLabel")).as("playback stops at the end").isEqualTo("v2 / 2");

        robot.clickOn("#branchPreviousButton");
        waitUntil(() -> text(robot, "#branchTitleLabel").startsWith("v1 · OrderCreated"));
        fx(() -> robot.lookup("#branchSlider").queryAs(Slider.class).setValue(2));
        waitUntil(() -> text(robot, "#branchTitleLabel").startsWith("v2 · OrderCancelled"));
    }

    /** The fields the shown event of the branch changed, as the branch's state tree marks them. */
    private static List<String> changedFields(FxRobot robot) {
        Node tree = robot.lookup("#branchStateTree").query();
        return robot.from(tree).lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getPseudoClassStates().contains(PseudoClass.getPseudoClass("changed")))
                .map(TreeCell::getText).toList();
    }
}
