package io.eventscope.app;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.Shown.text;
import static io.eventscope.app.Shown.treeTexts;
import static io.eventscope.app.TableCells.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.store.InMemoryEventStore;
import java.nio.file.Path;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A person issues shop commands through the form and follows what they produced. */
@ExtendWith(ApplicationExtension.class)
class CommandsWindowTest {
    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = TestWorkbench.show(stage, home, new InMemoryEventStore(), "test-shop");
    }

    @BeforeEach
    void openTheCommandsView(FxRobot robot) {
        waitUntil(() -> fx(() -> workbench.workspace().engine()) != null); // the store opens in the background
        robot.clickOn("#nav-commands");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void aFilledCreateOrderIsAcceptedAndItsEventOpensInTheEventsView(FxRobot robot) {
        robot.clickOn("CreateOrder");
        robot.clickOn("#field-orderId").write("o-42");
        robot.clickOn("#field-userId").write("alice");
        robot.clickOn("#field-item-0-sku").write("BOOK-1");
        robot.clickOn("#field-item-0-quantity").write("2");
        robot.clickOn("#field-item-0-unitPrice").write("12.50");
        robot.clickOn("#submitButton");

        waitUntil(() -> text(robot, "#outcomeLabel").equals("CreateOrder accepted: 1 event"));
        waitUntil(() -> robot.lookup(".hyperlink").tryQuery().isPresent());
        Hyperlink link = robot.lookup(".hyperlink").queryAs(Hyperlink.class);
        assertThat(link.getText()).startsWith("OrderCreated  ·  order-o-42 v1");
        waitUntil(() -> table(robot, "#historyTable").getItems().size() == 1);
        assertThat(robot.lookup("#producedJson").queryTextInputControl().getText())
                .contains("\"unitPrice\" : 12.50", "\"userId\" : \"alice\"");

        robot.clickOn(link);
        waitUntil(() -> robot.lookup("#table").tryQuery().isPresent()
                && table(robot, "#table").getSelectionModel().getSelectedIndex() == 0);
        waitUntil(() -> treeTexts(robot).contains("orderId:  \"o-42\""));

        robot.clickOn("#correlationButton");
        waitUntil(() -> treeTexts(robot).contains("command CreateOrder · ACCEPTED"));
        robot.clickOn("OrderCreated · order-o-42 v1 · @1");
        robot.clickOn("#causesButton");
        waitUntil(() -> robot.lookup("#causationTreeView").queryAs(javafx.scene.control.TreeView.class)
                .getSelectionModel().getSelectedIndex() == 1);
    }

    @Test
    void anEmptyOrderIsRejectedWithTheReasonShownAndJournaled(FxRobot robot) {
        robot.clickOn("CreateOrder");
        robot.clickOn("#submitButton");

        waitUntil(() -> text(robot, "#outcomeLabel").equals("CreateOrder rejected"));
        assertThat(text(robot, "#reasonLabel")).startsWith("userId");
        waitUntil(() -> table(robot, "#historyTable").getItems().size() == 1);
        assertThat(robot.lookup("REJECTED").tryQuery()).isPresent();
    }

    @Test
    void aPriceThatIsNotANumberIsMarkedAtTheFieldAndNothingIsSent(FxRobot robot) {
        // One command first, so the history has visibly loaded before the bad one is tried.
        robot.clickOn("CreateOrder");
        robot.clickOn("#submitButton");
        waitUntil(() -> table(robot, "#historyTable").getItems().size() == 1);
        String before = text(robot, "#outcomeLabel");

        robot.clickOn("#field-userId").write("bob");
        robot.clickOn("#field-item-0-sku").write("PEN");
        robot.clickOn("#field-item-0-quantity").write("1");
        robot.clickOn("#field-item-0-unitPrice").write("cheap");
        robot.clickOn("#submitButton");

        waitUntil(() -> robot.lookup(".validation-error").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("'cheap' is not a number, e.g. 12.50")));
        assertThat(text(robot, "#outcomeLabel")).isEqualTo(before);
        assertThat(workbench.workspace().engine().journal().count()).isEqualTo(1);
        assertThat(table(robot, "#historyTable").getItems()).hasSize(1);
    }
}
