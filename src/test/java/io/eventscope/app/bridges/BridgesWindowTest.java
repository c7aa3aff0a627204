package io.eventscope.app.bridges;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.Shown.text;
import static io.eventscope.app.TableCells.cell;
import static io.eventscope.app.TableCells.cellText;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.TestWorkbench;
import io.eventscope.app.Workbench;
import io.eventscope.bridge.BrokerAddress;
import io.eventscope.bridge.TestBroker;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the real window: events picked in the Events view go to the Bridges view, previewed or published. */
@ExtendWith(ApplicationExtension.class)
class BridgesWindowTest {
    @TempDir
    static Path home;

    private final EventStore store = new InMemoryEventStore();
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        for (int i = 1; i <= 5; i++) {
            store.append("order-o" + i, ExpectedVersion.NO_STREAM, List.of(new NewEvent("e" + i, "OrderCreated", "order",
                    "o" + i, 1, null, Json.parse("{\"n\":" + i + "}"), Metadata.of("u", "c" + i, null))));
        }
        workbench = TestWorkbench.show(stage, home, store, "shop");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theEventsPickedInTheEventsViewArePreviewedAsEventBridgeEntries(FxRobot robot) {
        pickInEvents(robot, "Preview EventBridge entries");

        waitUntil(() -> !robot.lookup("#previewArea").queryAs(TextArea.class).getText().isEmpty());
        String preview = robot.lookup("#previewArea").queryAs(TextArea.class).getText();
        assertThat(preview).startsWith("// PutEvents takes up to 10 entries per call: 2 entries");
        assertThat(Json.parse(preview.substring(preview.indexOf('\n') + 1)))
                .extracting(entry -> Json.parse(entry.get("Detail").asText()).get("eventId").asText())
                .containsExactly("e2", "e4");
        assertThat(robot.lookup("#positionsField").queryAs(TextField.class).getText()).isEqualTo("2, 4");
    }

    @Test
    void theEventsPickedInTheEventsViewArePublishedAndComeBackAsAlreadyStored(FxRobot robot) throws Exception {
        BrokerAddress broker = TestBroker.required();
        TestBroker names = new TestBroker();
        String exchange = names.exchange("window");
        String queue = names.queue("window");
        BridgesViewModel bridges = workbench.bridges();
        try {
            pickInEvents(robot, "Publish to the broker");
            waitUntil(() -> text(robot, "#statusLabel").startsWith("Connect to a broker first"));
            assertThat(text(robot, "#statusLabel")).isEqualTo("Connect to a broker first; then publish positions 2, 4.");

            fx(() -> {
                bridges.exchange().set(exchange);
                bridges.queue().set(queue);
            });
            robot.clickOn("#passwordField").write("guest");
            robot.clickOn("#connectButton");
            waitUntil(() -> fx(() -> bridges.connected().get()));

            pickInEvents(robot, "Publish to the broker");
            waitUntil(() -> text(robot, "#statusLabel").startsWith("Published"));
            assertThat(text(robot, "#statusLabel"))
                    .isEqualTo("Published 2 events (positions 2, 4) to exchange " + exchange + "; the broker confirmed every one.");
            waitUntil(() -> cellText(robot, "outcomeColumn", 1).equals("DUPLICATE"));
            assertThat(fx(() -> bridges.messages().stream().map(m -> m.eventId()).toList())).containsExactly("e2", "e4");
        } finally {
            fx(bridges::disconnect);
            names.deleteAll(broker);
        }
    }

    /** Positions 2 and 4 (click, Ctrl-click), then the row menu's {@code item}. */
    private static void pickInEvents(FxRobot robot, String item) {
        robot.clickOn("#nav-events");
        waitUntil(() -> cellText(robot, "positionColumn", 3).equals("4"));
        robot.clickOn(cell(robot, "positionColumn", 1));
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "positionColumn", 3)).release(KeyCode.CONTROL);
        // Monocle shows no context menu on a robot's right click: fire the row menu's item itself.
        MenuItem menuItem = robot.lookup(".events-table").queryAs(TableView.class).getContextMenu().getItems().stream()
                .filter(i -> item.equals(i.getText())).findFirst().orElseThrow();
        robot.interact(menuItem::fire);
    }
}
