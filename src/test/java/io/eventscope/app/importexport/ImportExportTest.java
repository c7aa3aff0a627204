package io.eventscope.app.importexport;

import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.Shown.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.SampleEvents;
import io.eventscope.app.TestWorkbench;
import io.eventscope.app.Workbench;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.io.ExportFormat;
import io.eventscope.engine.io.NdjsonExporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Importing and exporting through the real window: the import dialog, its report, and the files written. */
@ExtendWith(ApplicationExtension.class)
class ImportExportTest {
    @TempDir
    static Path home;
    @TempDir
    Path files;

    private Workbench workbench;
    private EventStore store;

    @Start
    void start(Stage stage) {
        store = SampleEvents.shop(2);
        workbench = TestWorkbench.show(stage, home, store, "test-shop");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void aBadFileIsReportedLineByLineAndLeavesTheStoreUnchanged(FxRobot robot) throws Exception {
        Path file = files.resolve("orders.ndjson");
        Files.writeString(file, validLines(3).get(0) + "\n{\"eventId\": \"x\", \n" + validLines(3).get(1)
                .replace("\"eventType\":\"PaymentRequested\",", "") + "\n");
        long before = store.headPosition();

        robot.interact(() -> workbench.importExportView().offerImport(file));
        robot.clickOn("#importButton");

        waitUntil(() -> robot.lookup("#badLines").tryQuery().isPresent());
        assertThat(header(robot)).isEqualTo("Nothing imported: 2 bad lines in orders.ndjson");
        List<String> bad = badLines(robot);
        assertThat(bad).hasSize(2);
        assertThat(bad.get(0)).startsWith("Line 2: ");
        assertThat(bad.get(1)).startsWith("Line 3: ").contains("eventType");
        assertThat(store.headPosition()).isEqualTo(before);
        assertThat(store.read(EventFilter.ALL, 1, 100, Direction.FORWARDS)).extracting(EventEnvelope::eventId)
                .doesNotContain("evt-created-101");
    }

    @Test
    void aPartialImportTakesTheGoodLinesAndWritesTheBadOnesAside(FxRobot robot) throws Exception {
        Path file = files.resolve("orders.ndjson");
        Path rejects = files.resolve("orders.rejects.ndjson");
        List<String> good = validLines(3);
        Files.writeString(file, good.get(0) + "\nnot json\n" + good.get(1) + "\n");
        long before = store.headPosition();

        robot.interact(() -> workbench.importExportView().offerImport(file));
        robot.clickOn("#partialChoice");
        assertThat(robot.lookup("#rejectsField").queryTextInputControl().getText()).isEqualTo(rejects.toString());
        robot.clickOn("#importButton");

        waitUntil(() -> robot.lookup("#badLines").tryQuery().isPresent());
        assertThat(header(robot)).isEqualTo("Imported 2 events from orders.ndjson; 1 bad line left out");
        assertThat(badLines(robot)).singleElement().asString().startsWith("Line 2: ");
        assertThat(store.headPosition()).isEqualTo(before + 2);
        assertThat(Files.readAllLines(rejects)).containsExactly("not json");
    }

    @Test
    void aCleanFileIsImportedWhole(FxRobot robot) throws Exception {
        Path file = files.resolve("orders.ndjson");
        Files.writeString(file, String.join("\n", validLines(3)) + "\n");
        long before = store.headPosition();

        robot.interact(() -> workbench.importExportView().offerImport(file));
        robot.clickOn("#importButton");

        waitUntil(() -> store.headPosition() == before + 9);
        waitUntil(() -> text(robot, "#noticeLabel").equals("Imported 9 events from orders.ndjson"));
    }

    @Test
    void aStreamIsExportedAsNdjsonAndTheWholeStoreAsEventBridgeEntries(FxRobot robot) throws Exception {
        Path stream = files.resolve("stream.ndjson");
        Path all = files.resolve("all.ndjson");
        // The platform's save dialog cannot be driven by the robot: the file is named here, after the export dialog.
        robot.interact(() -> workbench.importExportView().setExportFile(
                choice -> choice.scope() == ExportChoice.Scope.STREAM ? stream : all));

        robot.push(KeyCode.SHORTCUT, KeyCode.E);
        robot.clickOn("#streamScope");
        robot.clickOn("#exportButton");
        waitUntil(() -> text(robot, "#errorLabel").equals("Name the stream to export"));
        robot.clickOn("#streamIdField").write("order-o2");
        robot.clickOn("#exportButton");
        waitUntil(() -> Files.exists(stream));
        waitUntil(() -> !workbench.importExport().running().get());

        robot.push(KeyCode.SHORTCUT, KeyCode.E);
        robot.clickOn("#formatChoice");
        robot.clickOn("EventBridge PutEvents entries");
        robot.clickOn("#exportButton");
        waitUntil(() -> Files.exists(all));

        assertThat(Files.readAllLines(stream)).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"streamId\":\"order-o2\""));
        assertThat(Files.readString(stream)).isEqualTo(export(store, EventFilter.stream("order-o2"), ExportFormat.NDJSON));
        assertThat(Files.readAllLines(all)).hasSize(6).allSatisfy(line -> assertThat(line).contains("\"DetailType\""));
        assertThat(files.resolve("all.ndjson.part")).doesNotExist();
    }

    /** Lines of the envelope format for {@code orders} new orders, events whose ids the test store does not have. */
    private static List<String> validLines(int orders) {
        EventStore other = SampleEvents.shop(0);
        for (int i = 1; i <= orders; i++) {
            SampleEvents.addOrder(other, 100 + i);
        }
        return List.of(export(other, EventFilter.ALL, ExportFormat.NDJSON).split("\n"));
    }

    private static String export(EventStore from, EventFilter filter, ExportFormat format) {
        StringWriter out = new StringWriter();
        new NdjsonExporter(from, format).export(filter, out, ProgressMonitor.NONE);
        return out.toString();
    }

    private static String header(FxRobot robot) {
        Node bad = robot.lookup("#badLines").query();
        for (Node n = bad; n != null; n = n.getParent()) {
            if (n instanceof DialogPane pane) {
                return pane.getHeaderText();
            }
        }
        throw new AssertionError("the report is not in a dialog");
    }

    @SuppressWarnings("unchecked")
    private static List<String> badLines(FxRobot robot) {
        return List.copyOf(robot.lookup("#badLines").queryAs(ListView.class).getItems());
    }
}
