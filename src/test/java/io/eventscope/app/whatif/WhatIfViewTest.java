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
import javafx.scene.control.ComboBox;
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
}
