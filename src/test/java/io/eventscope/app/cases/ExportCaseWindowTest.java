package io.eventscope.app.cases;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.TableCells.withText;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.Notices;
import io.eventscope.app.TestWorkbench;
import io.eventscope.app.Workbench;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.CaseVerifier;
import io.eventscope.engine.io.VerifiedCase;
import io.eventscope.engine.store.InMemoryEventStore;
import java.nio.file.Path;
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

/** File > Export case in the real window: the selected event's correlation, or chosen streams, as a case that verifies. */
@ExtendWith(ApplicationExtension.class)
class ExportCaseWindowTest {
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
    void theSelectedEventsCorrelationAndThenChosenStreamsAreExportedAsCasesThatVerify(FxRobot robot) {
        waitUntil(() -> fx(() -> workbench.workspace().engine()) != null);
        Engine engine = fx(() -> workbench.workspace().engine());
        run(engine, "CreateOrder", "{\"orderId\":\"o1\",\"userId\":\"a\",\"items\":[{\"sku\":\"a\",\"quantity\":1,\"unitPrice\":5.00}]}", "c1");
        run(engine, "PayOrder", "{\"orderId\":\"o1\",\"amount\":5.00}", "c1");
        run(engine, "CreateOrder", "{\"orderId\":\"o2\",\"userId\":\"b\",\"items\":[{\"sku\":\"a\",\"quantity\":1,\"unitPrice\":7.00}]}", "c2");
        robot.clickOn("#nav-events");
        waitUntil(() -> withText(robot, "OrderPaid") != null);
        robot.clickOn(withText(robot, "OrderPaid"));

        robot.clickOn("File").clickOn("Export case…");
        waitUntil(() -> robot.lookup("#caseCorrelationField").tryQuery().isPresent());
        assertThat(robot.lookup("#caseCorrelationField").queryAs(TextField.class).getText()).isEqualTo("c1");
        robot.clickOn("#fileField").write(home.resolve("c1").toString());
        Notices.Notice exported = export(robot);
        assertThat(exported.title()).isEqualTo("Case exported");
        assertThat(exported.text()).isEqualTo("2 events of correlation c1 to " + home.resolve("c1.escase"));
        VerifiedCase c1 = CaseVerifier.verify(home.resolve("c1.escase"));
        assertThat(c1.eventCount()).isEqualTo(2);
        assertThat(c1.journal()).extracting(e -> e.command().commandType()).containsExactly("CreateOrder", "PayOrder");

        robot.clickOn("File").clickOn("Export case…");
        waitUntil(() -> robot.lookup("#streamsRadio").tryQuery().isPresent());
        robot.clickOn("#streamsRadio");
        assertThat(robot.lookup("#streamsField").queryAs(TextField.class).getText()).isEqualTo("order-o1");
        robot.clickOn("#streamsField").write(", order-o2");
        robot.clickOn("#fileField").push(KeyCode.CONTROL, KeyCode.A).write(home.resolve("both.escase").toString());
        assertThat(export(robot).text()).isEqualTo("3 events of order-o1, order-o2 to " + home.resolve("both.escase"));
        assertThat(CaseVerifier.verify(home.resolve("both.escase")).eventCount()).isEqualTo(3);
    }

    /** Presses Export and waits for what the export tells the person. */
    private Notices.Notice export(FxRobot robot) {
        int before = fx(() -> workbench.notices().posted().size());
        robot.clickOn("Export");
        waitUntil(() -> fx(() -> workbench.notices().posted().size()) > before);
        return fx(() -> workbench.notices().posted().get(before));
    }

    private static void run(Engine engine, String type, String json, String correlation) {
        assertThat(engine.commands().handle(CommandEnvelope.of(type, Json.parse(json), "a", correlation)).accepted())
                .as(type).isTrue();
    }
}
