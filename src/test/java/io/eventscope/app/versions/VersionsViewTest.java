package io.eventscope.app.versions;

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
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window's Versions view: a legacy order beside its current form, the dry run, a broken event. */
@ExtendWith(ApplicationExtension.class)
class VersionsViewTest {
    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = TestWorkbench.show(stage, home, legacyShop(), "legacy-shop");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    /** Position 1: an OrderCreated v1; 2: a current v3; 3: a v1 without the userId its upcaster needs. */
    static EventStore legacyShop() {
        EventStore store = new InMemoryEventStore();
        store.append("order-o1", ExpectedVersion.NO_STREAM, List.of(new NewEvent("e-1", "OrderCreated", null, null, 1,
                null, Json.parse("{\"orderId\":\"o1\",\"userId\":\"alice\",\"items\":[{\"sku\":\"MUG-01\",\"quantity\":2,"
                        + "\"unitPrice\":12.50}],\"total\":25.00}"), Metadata.of("alice", "corr-1", "cmd-1"))));
        store.append("order-o2", ExpectedVersion.NO_STREAM, List.of(new NewEvent("e-2", "OrderCreated", null, null, 3,
                null, Json.parse("{\"orderId\":\"o2\",\"userId\":\"bob\",\"items\":[],\"amount\":0.00,\"currency\":\"EUR\","
                        + "\"shippingAddress\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"DE\"}}"),
                Metadata.of("bob", "corr-2", "cmd-2"))));
        store.append("order-o3", ExpectedVersion.NO_STREAM, List.of(new NewEvent("e-3", "OrderCreated", null, null, 1,
                null, Json.parse("{\"orderId\":\"o3\",\"total\":5.00}"), Metadata.of("carol", "corr-3", "cmd-3"))));
        return store;
    }

    @Test
    void aVersionOneOrderIsShownBesideItsVersionThreeFormWithBothSteps(FxRobot robot) {
        robot.clickOn("#nav-versions");
        waitUntil(() -> table(robot, "#versionsTable").getItems().size() == 2);
        assertThat(cellText(robot, "versionTypeColumn", 0)).isEqualTo("OrderCreated");
        assertThat(cellText(robot, "versionSchemaColumn", 0)).isEqualTo("1");
        assertThat(cellText(robot, "versionCountColumn", 0)).isEqualTo("2");
        assertThat(cellText(robot, "versionBecomesColumn", 0)).isEqualTo("OrderCreated v3");
        assertThat(cellText(robot, "versionBecomesColumn", 1)).isEqualTo("current");

        robot.clickOn(cell(robot, "versionTypeColumn", 0));
        waitUntil(() -> cellText(robot, "eventStreamColumn", 0).equals("order-o1"));
        assertThat(cellText(robot, "eventStreamColumn", 1)).isEqualTo("order-o3");
        robot.clickOn(cell(robot, "eventStreamColumn", 0));

        waitUntil(() -> lines(robot, "#upcastedJson").contains("  \"currency\": \"EUR\","));
        assertThat(text(robot, "#headlineLabel")).startsWith("OrderCreated v1 ⇒ OrderCreated v3 · position 1");
        assertThat(lines(robot, "#storedJson")).contains("  \"total\": 25.00");
        assertThat(lines(robot, "#upcastedJson")).contains("  \"amount\": 25.00,");
        assertThat(robot.lookup("#upcastedJson").queryAs(ListView.class).getItems()).map(l -> ((JsonLine) l).text())
                .contains("    \"city\": \"Paris\",");
        assertThat(styleOf(robot, "#storedJson", "  \"total\": 25.00")).contains("json-removed");
        assertThat(styleOf(robot, "#upcastedJson", "  \"currency\": \"EUR\",")).contains("json-added");
        assertThat(styleOf(robot, "#upcastedJson", "  ],")).doesNotContain("json-added", "json-changed");

        ListView<?> steps = robot.lookup("#stepsList").queryAs(ListView.class);
        assertThat(steps.getItems()).hasSize(2);
        assertThat(lines(robot, "#stepsList")).containsExactly(
                "1. OrderCreated v1 -> v2 ⇒ OrderCreated@2 · 1 change",
                "2. OrderCreated v2 -> v3 ⇒ OrderCreated@3 · 2 changes");
        assertThat(lines(robot, "#stepChanges")).singleElement().asString()
                .startsWith("added /shippingAddress = {\"street\":\"12 Rue de Rivoli\"");

        // Near the left edge: a person clicks on the text, wherever the list's width cuts the cell.
        robot.clickOn(robot.point(cells(robot, "#stepsList").get(1)).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(20, 10)));
        waitUntil(() -> text(robot, "#stepTitle").equals("Step 2 result · OrderCreated@3"));
        assertThat(lines(robot, "#stepChanges")).containsExactlyInAnyOrder(
                "moved /total to /amount", "added /currency = \"EUR\"");
    }

    @Test
    void theDryRunShowsProgressAndListsTheBrokenEventWhichCanBeSelected(FxRobot robot) {
        robot.clickOn("#nav-versions");
        waitUntil(() -> text(robot, "#summaryLabel").startsWith("3 events"));
        robot.clickOn("#runButton");
        waitUntil(() -> !robot.lookup("#runButton").query().isDisabled());

        assertThat(text(robot, "#summaryLabel")).isEqualTo("3 events · 1 upcasted · 1 failure");
        assertThat(robot.lookup("#dryRunProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(table(robot, "#failuresTable").getItems()).hasSize(1);
        assertThat(cellText(robot, "failurePositionColumn", 0)).isEqualTo("3");
        assertThat(cellText(robot, "failureTypeColumn", 0)).isEqualTo("OrderCreated v1");
        assertThat(cellText(robot, "failureMessageColumn", 0))
                .isEqualTo("OrderCreated v1 -> v2: OrderCreated v1 needs a text 'userId' to find the default address");

        robot.clickOn(cell(robot, "failurePositionColumn", 0));
        waitUntil(() -> text(robot, "#headlineLabel").startsWith("OrderCreated v1 ⇒ upcasting fails · position 3"));
        assertThat(text(robot, "#failureLabel")).contains("needs a text 'userId'");
        assertThat(lines(robot, "#storedJson")).contains("  \"orderId\": \"o3\",");
        assertThat(lines(robot, "#upcastedJson")).isEmpty();
        @SuppressWarnings("unchecked")
        TableView<EventListing> events = robot.lookup("#eventsTable").queryAs(TableView.class);
        assertThat(events.getSelectionModel().getSelectedItem().position()).isEqualTo(3);
        assertThat(robot.lookup("#fixtureButton").query().isDisabled()).isTrue();
    }

    /** The lines a list shows, top to bottom, as the person reads them. */
    private static List<String> lines(FxRobot robot, String list) {
        return cells(robot, list).stream().map(ListCell::getText).toList();
    }

    private static List<ListCell<?>> cells(FxRobot robot, String list) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getText() != null)
                .sorted(java.util.Comparator.comparingInt(ListCell::getIndex))
                .<ListCell<?>>map(c -> c).toList();
    }

    private static List<String> styleOf(FxRobot robot, String list, String line) {
        return cells(robot, list).stream().filter(c -> line.equals(c.getText())).findFirst().orElseThrow().getStyleClass();
    }
}
