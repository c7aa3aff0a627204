package io.eventscope.app.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.Settings;
import io.eventscope.app.StoreSeeder;
import io.eventscope.app.Workbench;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.upcast.GoldenFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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

/** The Versions view as a person uses it: a v1 event beside its v3 form, the chain, the dry run. */
@ExtendWith(ApplicationExtension.class)
class VersionsViewTest {
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
        InMemoryEventStore store = new InMemoryEventStore();
        append(store, "order-o1", "OrderCreated", "{\"orderId\":\"o1\",\"userId\":\"alice\",\"items\":[],\"total\":33.90}");
        append(store, "payment-o1", "PaymentProcessed", "{\"paymentId\":\"o1\",\"orderId\":\"o1\",\"total\":33.90}");
        append(store, "order-o2", "OrderCreated", "{\"orderId\":\"o2\",\"items\":[],\"total\":5}");
        workbench.workspace().show(store, "versions-test");
    }

    private static void append(InMemoryEventStore store, String stream, String type, String data) {
        store.append(stream, ExpectedVersion.ANY, List.of(new NewEvent(null, type, null, null, 1, null, Json.parse(data), null)));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void showsAVersionOneEventBesideItsVersionThreeFormAndEveryStep(FxRobot robot) {
        robot.clickOn("#nav-versions");
        robot.clickOn("#positionField").write("1").type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#upcastedArea").contains("\"currency\""));
        assertThat(label(robot, "#eventLabel")).startsWith("OrderCreated v1 · order-o1");
        assertThat(text(robot, "#storedArea")).contains("\"total\" : 33.90").doesNotContain("shippingAddress");
        assertThat(text(robot, "#upcastedArea")).contains("\"amount\" : 33.90").contains("\"city\" : \"Paris\"")
                .doesNotContain("\"total\"");
        assertThat(label(robot, "#upcastedLabel")).isEqualTo("Upcasted: OrderCreated v3");
        ListView<ChainStep> steps = robot.lookup("#stepsList").queryListView();
        assertThat(steps.getItems()).extracting(ChainStep::upcaster)
                .containsExactly("stored", "OrderCreated v1 -> v2", "OrderCreated v2 -> v3");

        robot.clickOn(robot.from(steps).lookup(".list-cell").nth(1).<javafx.scene.Node>query());
        waitUntil(() -> label(robot, "#upcastedLabel").equals("Upcasted: OrderCreated v2"));
        assertThat(text(robot, "#upcastedArea")).contains("\"total\" : 33.90").contains("shippingAddress");
        assertThat(text(robot, "#changesArea")).contains("add /shippingAddress");
    }

    @Test
    void theDryRunCountsTypesAndListsFailuresThatLeadToTheirEvent(FxRobot robot) {
        robot.clickOn("#nav-versions");
        robot.clickOn("#dryRunButton");

        waitUntil(() -> label(robot, "#summaryLabel").equals("3 events, 2 would change, 1 failure"));
        TableView<TypeVersionCount> types = robot.lookup("#typesTable").queryTableView();
        assertThat(types.getItems()).containsExactly(
                new TypeVersionCount("OrderCreated", 1, 2), new TypeVersionCount("PaymentProcessed", 1, 1));
        ListView<?> failures = robot.lookup("#failuresList").queryListView();
        assertThat(failures.getItems()).hasSize(1);

        robot.doubleClickOn(robot.from(failures).lookup(".list-cell").nth(0).<javafx.scene.Node>query());
        waitUntil(() -> label(robot, "#eventLabel").contains("position 3"));
        assertThat(label(robot, "#errorLabel")).contains("'OrderCreated v1 -> v2'").contains("userId");
    }

    @Test
    void exportsTheShownEventAsAGoldenFixture(FxRobot robot) throws Exception {
        robot.clickOn("#nav-versions");
        robot.clickOn("#positionField").write("2").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#upcastedArea").contains("\"amount\""));
        Path file = home.resolve("payment.json");

        robot.interact(() -> workbench.versions().exportFixture(file));

        waitUntil(() -> Files.exists(file));
        GoldenFixture fixture = GoldenFixture.read(file);
        assertThat(fixture.stored().eventType()).isEqualTo("PaymentProcessed");
        assertThat(fixture.upcasted().eventType()).isEqualTo("PaymentCaptured");
        assertThat(fixture.steps()).hasSize(1);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextArea.class).getText();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 5 s", e);
        }
    }
}
