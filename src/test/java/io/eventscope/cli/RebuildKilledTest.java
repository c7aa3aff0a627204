package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.Launcher;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.projection.ProjectionStatus;
import io.eventscope.engine.projection.ReadModels;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.upcast.UpcastingEventStore;
import io.eventscope.shop.readmodel.OrderProjection;
import io.eventscope.shop.readmodel.OrderQueryHandler;
import io.eventscope.shop.readmodel.ShopReadModels;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a `projections rebuild` half way: the old read model answers, and the rebuild runs again to the end. */
class RebuildKilledTest {
    private static final int ORDERS = 30_000;

    @Test
    void a_child_jvm_killed_during_a_rebuild_leaves_a_usable_read_model_and_the_rebuild_finishes_on_a_rerun(
            @TempDir Path dir) throws Exception {
        String store = dir.resolve("shop").toString();
        try (OpenStore opened = Stores.open(store)) {
            List<StreamAppend> appends = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                appends.add(new StreamAppend("order-o" + i, ExpectedVersion.NO_STREAM, List.of(new NewEvent(null, "OrderCreated",
                        null, null, 3, null, Json.parse("{\"orderId\":\"o" + i + "\",\"userId\":\"u\",\"items\":[],"
                        + "\"amount\":1.00,\"currency\":\"EUR\"}"), null))));
            }
            opened.store().appendAll(appends);
            try (ReadModels models = readModels(opened)) {
                models.catchUp();
            }
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "projections", "rebuild", "--store", store, OrderProjection.NAME)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("rebuild orders: ")) {
                // wait until the rebuild has written its first page into the new generation
            }
            assertThat(line).as("the child's progress line").isNotNull();
            assertThat(line).doesNotEndWith("/" + ORDERS + "/" + ORDERS);
        }
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (OpenStore opened = Stores.open(store); ReadModels models = readModels(opened)) {
            ProjectionStatus orders = models.status(OrderProjection.NAME);
            assertThat(orders.generation()).isEqualTo(1);
            assertThat(orders.checkpoint()).isEqualTo(ORDERS);
            assertThat(new OrderQueryHandler(models).order("o" + (ORDERS - 1))).isPresent();
            assertThat(new OrderQueryHandler(models).all()).hasSize(ORDERS);

            var report = models.rebuild(OrderProjection.NAME, ProgressMonitor.NONE);
            assertThat(report.completed()).isTrue();
            assertThat(models.status(OrderProjection.NAME).generation()).isEqualTo(report.generation()).isGreaterThan(1);
            assertThat(new OrderQueryHandler(models).all()).hasSize(ORDERS);
        }
    }

    private static ReadModels readModels(OpenStore opened) {
        return ReadModels.open(opened.database(), new UpcastingEventStore(opened.store(), ShopUpcasters.chain()),
                ShopReadModels.projections(), false);
    }
}
