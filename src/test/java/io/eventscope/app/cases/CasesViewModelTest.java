package io.eventscope.app.cases;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.FxToolkitStarted;
import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TestWorkspace;
import io.eventscope.app.Workspace;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandResult;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.CaseExporter;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.shop.Shop;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** File > Import case and Export as test, without a window: what lands in the store and what the notices say. */
@ExtendWith(FxToolkitStarted.class)
class CasesViewModelTest {
    @TempDir
    Path home;

    private TaskExecutor tasks;
    private Notices notices;
    private Workspace workspace;
    private CasesViewModel model;

    @BeforeEach
    void setUp() {
        notices = new Notices();
        tasks = new TaskExecutor(notices);
        workspace = TestWorkspace.create(tasks, home, Shop.aggregateTypes(), ShopUpcasters.chain());
        model = new CasesViewModel(workspace, tasks, notices, Shop.aggregateTypes(), ShopUpcasters.chain(),
                home.resolve("cases"));
        fx(() -> workspace.show(new InMemoryEventStore(), "target"));
        waitUntil(() -> fx(() -> workspace.engine()) != null);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void anImportedCaseLandsInTheOpenStoreAndADamagedOneIsRefusedWithNothingWritten() throws Exception {
        Path good = home.resolve("o1.escase");
        try (Engine source = Engine.open(io.eventscope.engine.store.Stores.open("memory"), Shop.aggregateTypes(),
                ShopUpcasters.chain())) {
            source.commands().handle(CommandEnvelope.of("CreateOrder", Json.parse(
                    "{\"orderId\":\"o1\",\"userId\":\"a\",\"items\":[{\"sku\":\"a\",\"quantity\":1,\"unitPrice\":1.00}]}"),
                    "a", "c1"));
            new CaseExporter(source.openStore().store(), source.journal(), ShopUpcasters.chain(), Clock.systemUTC())
                    .exportCorrelation("c1", good);
        }
        Path junk = Files.write(home.resolve("junk.escase"), new byte[] {42});

        fx(() -> model.importCase(junk));
        waitUntil(() -> fx(() -> notices.posted().size()) == 1);
        assertThat(fx(() -> notices.posted().get(0).title())).isEqualTo("Case refused");
        assertThat(fx(() -> notices.posted().get(0).text())).contains("junk.escase is not a readable case file");
        assertThat(workspace.eventStore().headPosition()).isZero();

        fx(() -> model.importCase(good));
        waitUntil(() -> fx(() -> notices.posted().size()) == 2);
        assertThat(fx(() -> notices.posted().get(1).text())).isEqualTo("1 events and 1 commands from o1.escase");
        assertThat(workspace.eventStore().headPosition()).isEqualTo(1);
        assertThat(fx(workspace::engine).journal().byCorrelationId("c1")).hasSize(1);
    }

    @Test
    void exportAsTestWritesTheTestOfTheSelectedCommand() {
        Engine engine = fx(workspace::engine);
        CommandResult rejected = engine.commands().handle(CommandEnvelope.of("PayOrder",
                Json.parse("{\"orderId\":\"o9\",\"amount\":1.00}"), "a", "c1"));
        Path out = home.resolve("PayOrderTest.java");
        fx(() -> model.exportAsTest(rejected.commandId(), out));
        waitUntil(() -> fx(() -> notices.posted().size()) == 1);
        assertThat(out).content().contains(".thenRejected(\"Order o9 does not exist.\")");
    }
}
