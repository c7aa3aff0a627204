package io.eventscope.app.cases;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.Shown.text;
import static io.eventscope.app.TableCells.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.Settings;
import io.eventscope.app.StoreSeeder;
import io.eventscope.app.Workbench;
import io.eventscope.app.importexport.ImportChoice;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.CaseExporter;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.shop.Shop;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File > Open case in the real window: the case shows as a read-only case, and every way of writing to it is refused. */
@ExtendWith(ApplicationExtension.class)
class OpenCaseWindowTest {
    private static final String CASE_REFUSAL = "This is the case o1.escase, open read-only in a scratch store";

    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(new Settings(home), file -> Stores.open(file.toString()),
                new StoreSeeder(home.resolve("none.ndjson")));
        stage.setScene(workbench.createScene());
        stage.show();
        workbench.workspace().show(new InMemoryEventStore(), "mine");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void anOpenedCaseSaysSoAndRefusesCommandsImportsAndCaseImportsWithNothingWritten(FxRobot robot) throws Exception {
        Path caseFile = caseOf("o1");
        Path other = caseOf("o2");
        waitUntil(() -> fx(() -> workbench.workspace().engine()) != null);

        fx(() -> workbench.cases().openCase(caseFile)); // what File > Open case does with the file chosen
        waitUntil(() -> text(robot, "#storeLabel").equals("Case o1.escase (read-only)"));
        Engine opened = fx(() -> workbench.workspace().engine());
        robot.clickOn("#nav-events");
        waitUntil(() -> table(robot, "#table").getItems().size() == 1);

        robot.clickOn("#nav-commands");
        robot.clickOn("CreateOrder");
        robot.clickOn("#field-orderId").write("o-9");
        robot.clickOn("#field-userId").write("alice");
        robot.clickOn("#field-item-0-sku").write("BOOK-1");
        robot.clickOn("#field-item-0-quantity").write("1");
        robot.clickOn("#field-item-0-unitPrice").write("2.50");
        robot.clickOn("#submitButton");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Running CreateOrder failed");
        assertThat(dialog.getContentText()).contains(CASE_REFUSAL, "File > Import case");
        robot.clickOn(robot.from(dialog).lookup(".button").queryButton());

        Path events = exported("o3");
        fx(() -> workbench.importExport().importFile(events, ImportChoice.atomic()));
        waitUntil(() -> fx(() -> workbench.importExport().outcome().get()) != null);
        assertThat(fx(() -> workbench.importExport().outcome().get().details())).contains(CASE_REFUSAL);

        int before = fx(() -> workbench.notices().posted().size());
        fx(() -> workbench.cases().importCase(other));
        waitUntil(() -> fx(() -> workbench.notices().posted().size()) > before);
        assertThat(fx(() -> workbench.notices().posted().get(before).text())).contains(CASE_REFUSAL);

        assertThat(opened.store().headPosition()).as("nothing reached the case's store").isEqualTo(1);
        assertThat(opened.journal().count()).as("nor its journal").isEqualTo(1);
        assertThat(opened.journal().recent(0, 10)).extracting(e -> e.command().commandType())
                .isEqualTo(List.of("CreateOrder"));
    }

    /** A case of one order, as someone else exported it from their store. */
    private static Path caseOf(String orderId) {
        Path file = home.resolve(orderId + ".escase");
        try (Engine source = Engine.open(Stores.open("memory"), Shop.aggregateTypes(), ShopUpcasters.chain())) {
            order(source, orderId);
            new CaseExporter(source.openStore().store(), source.journal(), ShopUpcasters.chain(), Clock.systemUTC())
                    .exportCorrelation("c-" + orderId, file);
        }
        return file;
    }

    private static Path exported(String orderId) throws Exception {
        Path file = home.resolve(orderId + ".ndjson");
        try (Engine source = Engine.open(Stores.open("memory"), Shop.aggregateTypes(), ShopUpcasters.chain())) {
            order(source, orderId);
            StringBuilder lines = new StringBuilder();
            source.openStore().store().read(EventFilter.ALL, 1, 10, Direction.FORWARDS)
                    .forEach(e -> lines.append(EnvelopeJson.write(e)).append('\n'));
            Files.writeString(file, lines);
        }
        return file;
    }

    private static void order(Engine engine, String orderId) {
        engine.commands().handle(CommandEnvelope.of("CreateOrder", Json.parse("{\"orderId\":\"" + orderId
                + "\",\"userId\":\"a\",\"items\":[{\"sku\":\"a\",\"quantity\":1,\"unitPrice\":1.00}]}"), "a", "c-" + orderId));
    }
}
