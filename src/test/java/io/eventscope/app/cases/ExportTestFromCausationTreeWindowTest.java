package io.eventscope.app.cases;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.Shown.treeTexts;
import static io.eventscope.app.TableCells.withText;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.TestWorkbench;
import io.eventscope.app.Workbench;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.InMemoryEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Export as test from a command's node in the Events view's causation tree; an event's node offers none. */
@ExtendWith(ApplicationExtension.class)
class ExportTestFromCausationTreeWindowTest {
    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = TestWorkbench.show(stage, home, new InMemoryEventStore(), "shop");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void aCommandsNodeExportsTheTestOfItsDeciderAndAnEventsNodeCannot(FxRobot robot) throws Exception {
        waitUntil(() -> fx(() -> workbench.workspace().engine()) != null);
        Engine engine = fx(() -> workbench.workspace().engine());
        engine.commands().handle(CommandEnvelope.of("CreateOrder", Json.parse(
                "{\"orderId\":\"o1\",\"userId\":\"a\",\"items\":[{\"sku\":\"a\",\"quantity\":1,\"unitPrice\":5.00}]}"),
                "a", "c1"));
        Path out = home.resolve("CreateOrderTest.java");
        // Monocle shows no native file dialog: the person's answer is given for it.
        fx(() -> workbench.caseDialogs().answerSaveDialogs((chooser, owner) -> {
            assertThat(chooser.getInitialFileName()).isEqualTo("CreateOrderTest.java");
            return out.toFile();
        }));
        robot.clickOn("#nav-events");
        waitUntil(() -> withText(robot, "OrderCreated") != null);
        robot.clickOn(withText(robot, "OrderCreated"));
        robot.clickOn("#correlationButton");
        waitUntil(() -> treeTexts(robot).contains("command CreateOrder · ACCEPTED"));

        robot.clickOn("OrderCreated · order-o1 v1 · @1");
        assertThat(exportItem(robot).isDisable()).as("an event's node has no test to export").isTrue();

        robot.clickOn("command CreateOrder · ACCEPTED");
        assertThat(exportItem(robot).isDisable()).isFalse();
        // Monocle shows no context menu on a robot's right click: fire the tree menu's item itself.
        robot.interact(exportItem(robot)::fire);
        waitUntil(() -> out.toFile().length() > 0);
        assertThat(Files.readString(out)).contains(".when(\"CreateOrder\"", ".thenEvents(", "OrderCreated");
    }

    /** The tree's "Export as test…" item, greyed out or not. */
    private static MenuItem exportItem(FxRobot robot) {
        TreeView<?> tree = robot.lookup("#causationTreeView").queryAs(TreeView.class);
        return fx(() -> tree.getContextMenu().getItems().stream()
                .filter(i -> "Export as test…".equals(i.getText())).findFirst().orElseThrow());
    }
}
