package io.eventscope.app.whatif;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.FxToolkitStarted;
import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TestWorkspace;
import io.eventscope.app.Workspace;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.shop.Shop;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The What if window's logic without a window: edits, inserted commands, streams with nothing to re-decide. */
@ExtendWith(FxToolkitStarted.class)
class WhatIfViewModelTest {
    @TempDir
    Path home;

    private TaskExecutor tasks;
    private WhatIfViewModel model;
    private Engine engine;

    @BeforeEach
    void setUp() {
        tasks = new TaskExecutor(new Notices());
        Workspace workspace = TestWorkspace.create(tasks, home, Shop.aggregateTypes(), ShopUpcasters.chain());
        model = fx(() -> new WhatIfViewModel(workspace, tasks, Shop.aggregateTypes(), Shop.sagaReactions()));
        fx(() -> workspace.show(new InMemoryEventStore(), "shop"));
        waitUntil(() -> fx(() -> workspace.engine()) != null);
        engine = fx(workspace::engine);
        run("CreateOrder", "{\"orderId\":\"o1\",\"userId\":\"alice\",\"items\":[{\"sku\":\"a\",\"quantity\":1,\"unitPrice\":5.00}]}");
        run("PayOrder", "{\"orderId\":\"o1\",\"amount\":5.00}");
    }

    private void run(String type, String json) {
        engine.commands().handle(CommandEnvelope.of(type, Json.parse(json), "alice", "c1"));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void forkAt(long version) {
        fx(() -> model.forkAt("order-o1", version));
        waitUntil(() -> fx(() -> model.forkTitle().get()).startsWith("Fork at order-o1 v" + version));
    }

    @Test
    void anEditThatDoesNotFitTheEventIsExplainedAndShowsNoOutcome() {
        forkAt(2);
        assertThat(fx(() -> model.editedData().get())).contains("\"amount\" : 5.00");
        fx(() -> model.change().set(ChangeKind.EDIT));
        fx(() -> model.editedData().set("{\"orderId\":\"o1\",\"amount\":\"five\"}"));
        fx(model::run);
        waitUntil(() -> fx(() -> model.error().get()).contains("amount: expected a number, found a string"));
        assertThat(fx(() -> model.outcomes().size())).isZero();
        assertThat(fx(() -> model.running().get())).isFalse();
    }

    @Test
    void anInsertedCancelBeforeThePaymentMakesThePaymentRejected() {
        forkAt(1);
        fx(() -> model.change().set(ChangeKind.INSERT));
        fx(() -> model.insertType().set("CancelOrder"));
        fx(() -> model.insertPayload().set("{\"orderId\":\"o1\",\"reason\":\"what if\"}"));
        fx(model::run);
        waitUntil(() -> fx(() -> model.outcomes().size()) == 2);
        assertThat(fx(() -> model.outcomes().get(0).verdict())).isEqualTo("inserted");
        assertThat(fx(() -> model.outcomes().get(1).now())).isEqualTo("rejected: Order o1 is cancelled and cannot be paid.");
        assertThat(fx(() -> model.states())).contains(new StateRow("order-o1", "status", "\"PAID\"", "\"CANCELLED\"", true));
    }

    @Test
    void aStreamWithoutADeciderSaysThereIsNothingToReDecide() {
        engine.store().append("ledger-1", io.eventscope.engine.store.ExpectedVersion.NO_STREAM,
                java.util.List.of(io.eventscope.engine.event.NewEvent.of("Opened", Json.parse("{\"balance\":1}"), null)));
        fx(() -> model.forkAt("ledger-1", 1));
        waitUntil(() -> fx(() -> model.forkTitle().get()).startsWith("Fork at ledger-1 v1"));
        fx(() -> model.change().set(ChangeKind.KEEP));
        fx(model::run);
        waitUntil(() -> !fx(() -> model.summary().get()).isEmpty());
        assertThat(fx(() -> model.summary().get())).startsWith("No commands to re-decide.")
                .contains("ledger-1 has no decider");
    }
}
