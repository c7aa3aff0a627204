package io.eventscope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.Settings;
import io.eventscope.app.StoreSeeder;
import io.eventscope.app.Workbench;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the Timeline in the real window: keys, slider, highlighted changes, breakpoints, blame, correlation mode. */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {
    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(new Settings(home), file -> {
            throw new IllegalStateException("tests open no files");
        }, new StoreSeeder(home.resolve("none.ndjson")));
        stage.setScene(workbench.createScene());
        stage.show();
        workbench.workspace().show(Parcels.store(), "parcels");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void openParcel(FxRobot robot) {
        robot.clickOn("#nav-timeline");
        robot.clickOn("#streamField").write("parcel-1").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#positionLabel").equals("v30 / 30"));
        waitUntil(() -> text(robot, "#eventTitleLabel").startsWith("v30 · ParcelLost"));
        robot.clickOn("#diffTable");
    }

    @Test
    void keysAndTheSliderMoveThroughVersionsShowingTheRightStateAndChanges(FxRobot robot) {
        openParcel(robot);
        assertThat(text(robot, "#foldedByLabel")).isEqualTo("folded by generic JSON merge (no decider)");

        robot.type(KeyCode.HOME);
        waitUntil(() -> text(robot, "#eventTitleLabel").equals("v0 · initial state"));
        assertThat(text(robot, "#positionLabel")).isEqualTo("v0 / 30");

        robot.type(KeyCode.RIGHT);
        waitUntil(() -> text(robot, "#eventTitleLabel").startsWith("v1 · ParcelRegistered"));
        assertThat(changedFields(robot)).contains("status: \"REGISTERED\"", "weight: 2", "[0]: \"lamp\"");

        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        waitUntil(() -> text(robot, "#eventTitleLabel").startsWith("v11 · Weighed"));
        assertThat(changedFields(robot)).containsExactly("weight: 1100");
        assertThat(fields(robot)).contains("status: \"REGISTERED\"");
        assertThat(eventListSelection(robot)).isEqualTo("v11  Weighed");

        robot.type(KeyCode.LEFT);
        waitUntil(() -> changedFields(robot).equals(List.of("weight: 1000")));
        robot.type(KeyCode.END);
        waitUntil(() -> text(robot, "#positionLabel").equals("v30 / 30"));
        assertThat(changedFields(robot)).containsExactly("status: \"LOST\"");

        Slider slider = robot.lookup("#slider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(21));
        waitUntil(() -> text(robot, "#eventTitleLabel").startsWith("v21 · ItemRemoved"));
        assertThat(changedFields(robot)).containsExactly("[0]: \"desk\"");
        assertThat(diffRows(robot)).containsExactly(new ChangeRow("remove", "/items/0", "\"lamp\"", "—"));

        robot.clickOn(eventCell(robot, "v22  ParcelShipped"));
        waitUntil(() -> text(robot, "#positionLabel").equals("v22 / 30"));
        assertThat(slider.getValue()).isEqualTo(22);
        assertThat(changedFields(robot)).containsExactlyInAnyOrder("status: \"SHIPPED\"", "trackingNumber: \"TN-1\"");
    }

    @Test
    void playbackStopsAtATypeBreakpoint(FxRobot robot) {
        openParcel(robot);
        robot.type(KeyCode.HOME);
        waitUntil(() -> text(robot, "#positionLabel").equals("v0 / 30"));
        robot.clickOn(robot.lookup("#typeBox").queryAs(ComboBox.class).getEditor()).write("ParcelShipped");
        robot.clickOn("#addTypeButton");
        ComboBox<?> speed = robot.lookup("#speedBox").queryAs(ComboBox.class);
        robot.interact(() -> speed.getSelectionModel().select(5));
        robot.clickOn("#diffTable").type(KeyCode.SPACE);

        waitUntil(() -> text(robot, "#statusLabel").equals("Stopped at v22: event ParcelShipped"));
        assertThat(text(robot, "#positionLabel")).isEqualTo("v22 / 30");
        waitUntil(() -> text(robot, "#eventTitleLabel").startsWith("v22 · ParcelShipped"));
    }

    @Test
    void aConditionBreakpointStopsPlaybackAndABadOneIsExplained(FxRobot robot) {
        openParcel(robot);
        robot.clickOn("#conditionField").write("weight >> 1500").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#conditionErrorLabel").startsWith("column 9: expected a value"));
        assertThat(text(robot, "#conditionErrorLabel")).endsWith("weight >> 1500\n        ^");

        robot.doubleClickOn("#conditionField").eraseText(20).write("weight >= 1500").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#conditionErrorLabel").isEmpty());
        robot.clickOn("#firstButton");
        waitUntil(() -> text(robot, "#positionLabel").equals("v0 / 30"));
        ComboBox<?> speed = robot.lookup("#speedBox").queryAs(ComboBox.class);
        robot.interact(() -> speed.getSelectionModel().select(5));
        robot.clickOn("#playButton");

        waitUntil(() -> text(robot, "#statusLabel").equals("Stopped at v15: when weight >= 1500"));
        assertThat(text(robot, "#positionLabel")).isEqualTo("v15 / 30");
    }

    @Test
    void blameNamesTheEventThatLastSetTheSelectedFieldAndJumpsToAnyChange(FxRobot robot) {
        openParcel(robot);
        robot.interact(() -> robot.lookup("#slider").queryAs(Slider.class).setValue(25));
        waitUntil(() -> text(robot, "#eventTitleLabel").startsWith("v25 · Scanned"));

        robot.clickOn(treeCell(robot, "status: \"SHIPPED\""));
        waitUntil(() -> text(robot, "#blameSummaryLabel").equals("/status — Set by v22 ParcelShipped · 2 changes up to v25"));

        robot.clickOn(listCell(robot, "v1  ParcelRegistered:  — → \"REGISTERED\""));
        waitUntil(() -> text(robot, "#positionLabel").equals("v1 / 30"));
        waitUntil(() -> text(robot, "#eventTitleLabel").startsWith("v1 · ParcelRegistered"));
    }

    @Test
    void correlationModeShowsSeveralAggregatesAtOnePosition(FxRobot robot) {
        openParcel(robot);
        robot.clickOn("#correlationButton");

        waitUntil(() -> text(robot, "#stepTitleLabel").equals("Step 6 of 6 · position 32 · ParcelLost in parcel-1"));
        waitUntil(() -> aggregateTitles(robot).equals(List.of("parcel-1 · v30 · ← ParcelLost", "courier-7 · v1",
                "depot-north · v1")));

        robot.interact(() -> robot.lookup("#correlationSlider").queryAs(Slider.class).setValue(3));
        waitUntil(() -> text(robot, "#stepTitleLabel").equals("Step 3 of 6 · position 22 · ItemRemoved in parcel-1"));
        waitUntil(() -> aggregateTitles(robot).equals(List.of("parcel-1 · v21 · ← ItemRemoved", "courier-7 · v1",
                "depot-north · v0")));
        assertThat(robot.lookup(".aggregate-state").queryAllAs(Label.class)).first()
                .satisfies(l -> assertThat(l.getText()).contains("\"weight\" : 2000"));
    }

    @Test
    void openInTimelineFromTheEventsViewShowsThatStreamAtThatVersion(FxRobot robot) {
        robot.clickOn("#nav-events");
        waitUntil(() -> tableCell(robot, "courier-7") != null);
        robot.clickOn(tableCell(robot, "courier-7"));
        // Monocle shows no context menu on a robot's right click: fire the row menu's item itself.
        MenuItem open = robot.lookup("#table").queryAs(TableView.class).getContextMenu().getItems().stream()
                .filter(i -> "Open in Timeline".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(open::fire);

        waitUntil(() -> text(robot, "#eventTitleLabel").startsWith("v1 · CourierAssigned"));
        assertThat(text(robot, "#positionLabel")).isEqualTo("v1 / 1");
        assertThat(changedFields(robot)).containsExactlyInAnyOrder("parcel: \"1\"", "load: 1");
    }

    private static Node tableCell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> text.equals(c.getText())).findFirst().orElse(null);
    }

    private static String text(FxRobot robot, String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<ChangeRow> diffRows(FxRobot robot) {
        return List.copyOf(((TableView<ChangeRow>) robot.lookup("#diffTable").queryAs(TableView.class)).getItems());
    }

    private static List<String> fields(FxRobot robot) {
        return robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .map(TreeCell::getText).filter(Objects::nonNull).toList();
    }

    private static List<String> changedFields(FxRobot robot) {
        return robot.lookup(".tree-cell.changed").queryAllAs(TreeCell.class).stream()
                .map(TreeCell::getText).filter(Objects::nonNull).toList();
    }

    private static Node treeCell(FxRobot robot, String text) {
        return robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> text.equals(c.getText())).findFirst().orElseThrow();
    }

    private static Node listCell(FxRobot robot, String text) {
        waitUntil(() -> robot.lookup(".list-cell").queryAllAs(ListCell.class).stream().anyMatch(c -> text.equals(c.getText())));
        return robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> text.equals(c.getText())).findFirst().orElseThrow();
    }

    private static Node eventCell(FxRobot robot, String text) {
        return listCell(robot, text);
    }

    private static String eventListSelection(FxRobot robot) {
        return robot.lookup("#eventList").queryListView().getSelectionModel().getSelectedItem().toString();
    }

    private static List<String> aggregateTitles(FxRobot robot) {
        return robot.lookup(".aggregate-title").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }
}
