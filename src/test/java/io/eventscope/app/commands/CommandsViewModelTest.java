package io.eventscope.app.commands;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.FxToolkitStarted;
import io.eventscope.app.Navigation;
import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TestWorkspace;
import io.eventscope.app.ViewEntry;
import io.eventscope.app.Workspace;
import io.eventscope.app.events.EventsViewModel;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.upcast.UpcasterChain;
import io.eventscope.shop.Shop;
import io.eventscope.shop.form.CommandSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Commands view's logic without a window: forms from metadata, outcomes, history. */
@ExtendWith(FxToolkitStarted.class)
class CommandsViewModelTest {
    @TempDir
    Path home;

    private TaskExecutor tasks;
    private EventStore store;
    private Navigation navigation;
    private EventsViewModel events;
    private CommandsViewModel model;

    @BeforeEach
    void setUp() {
        tasks = new TaskExecutor(new Notices());
        Workspace workspace = TestWorkspace.create(tasks, home, Shop.aggregateTypes(), UpcasterChain.EMPTY);
        navigation = new Navigation(List.of(new ViewEntry("commands", "Commands", "mdi2c-console-line", Object.class),
                new ViewEntry("events", "Events", "mdi2f-format-list-bulleted", Object.class)));
        store = new InMemoryEventStore();
        model = fx(() -> {
            events = new EventsViewModel(workspace, tasks);
            workspace.show(store, "test");
            return new CommandsViewModel(workspace, tasks, Shop.commands(), navigation, events);
        });
        waitUntil(() -> fx(() -> workspace.engine()) != null);
    }

    @AfterEach
    void tearDown() {
        fx(() -> {
            events.close();
            return null;
        });
        tasks.close();
    }

    @Test
    void theCreateOrderFormHasTypedFieldsAnAddressGroupAndAnItemsTable() {
        CommandForm form = select("CreateOrder");
        assertThat(form.fields()).extracting(FormField::path).containsExactly("orderId", "userId",
                "shippingAddress.street", "shippingAddress.city", "shippingAddress.postalCode",
                "shippingAddress.country");
        assertThat(form.fields().get(0).required()).isFalse();
        assertThat(form.fields().get(0).whenAbsent()).isEqualTo("generated when absent");
        assertThat(form.groupOf(form.fields().get(3))).isEqualTo("shippingAddress");
        assertThat(form.hasItems()).isTrue();
        assertThat(form.itemColumns()).containsExactly("sku", "quantity", "unitPrice");
        assertThat(form.items()).hasSize(1);
    }

    @Test
    void anAcceptedCommandListsItsEventsAndJoinsTheHistory() {
        CommandForm form = select("CreateOrder");
        fx(() -> {
            set(form, "orderId", "o-7");
            set(form, "userId", "carol");
            form.items().get(0).parts().get(0).text().set("MUG");
            form.items().get(0).parts().get(1).text().set("2");
            form.items().get(0).parts().get(2).text().set("7.25");
            model.submit();
            return null;
        });
        waitUntil(() -> fx(() -> model.outcome().get()) != null);
        Outcome outcome = fx(() -> model.outcome().get());
        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.events()).extracting(Outcome.ProducedEvent::eventType).containsExactly("OrderCreated");
        assertThat(outcome.events().get(0).streamId()).isEqualTo("order-o-7");
        assertThat(outcome.events().get(0).json()).contains("\"amount\" : 14.50");
        assertThat(store.headPosition()).isEqualTo(1);
        waitUntil(() -> fx(() -> model.history().size()) == 1);
        assertThat(fx(() -> model.history().get(0).status())).isEqualTo("ACCEPTED");
    }

    @Test
    void aRefusalIsShownAndPutUnderTheFieldItNames() {
        CommandForm form = select("CreateOrder");
        fx(() -> {
            set(form, "userId", "dan");
            model.submit();
            return null;
        });
        waitUntil(() -> fx(() -> model.outcome().get()) != null);
        Outcome outcome = fx(() -> model.outcome().get());
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.reason()).isEqualTo("items: an order needs at least one item");
        assertThat(fx(() -> form.itemsError().get())).isEqualTo("items: an order needs at least one item");
        assertThat(store.headPosition()).isZero();
        waitUntil(() -> fx(() -> model.history().size()) == 1);
        assertThat(fx(() -> model.history().get(0).reason())).isEqualTo("items: an order needs at least one item");
    }

    @Test
    void runAgainIssuesTheSameCommandAnewAndShowEventsFollowsItsCorrelation() {
        CommandForm form = select("RestockItem");
        fx(() -> {
            set(form, "sku", "TEA");
            set(form, "quantity", "5");
            model.submit();
            return null;
        });
        waitUntil(() -> fx(() -> model.history().size()) == 1);
        fx(() -> {
            model.runAgain(model.history().get(0));
            return null;
        });
        waitUntil(() -> fx(() -> model.history().size()) == 2);
        assertThat(store.headPosition()).isEqualTo(2);
        assertThat(fx(() -> model.history().get(0).entry().commandId()))
                .isNotEqualTo(fx(() -> model.history().get(1).entry().commandId()));

        HistoryEntry first = fx(() -> model.history().get(1));
        fx(() -> {
            model.showEvents(first);
            return null;
        });
        assertThat(fx(() -> navigation.selected().get().id())).isEqualTo("events");
        assertThat(fx(() -> events.correlationId().get())).isEqualTo(first.correlationId());
        waitUntil(() -> fx(() -> events.matches().get()).equals("1 match"));
        waitUntil(() -> fx(() -> events.causation().selected().get()) != null);
        assertThat(fx(() -> events.causation().selected().get().id())).isEqualTo(first.entry().commandId());
    }

    @Test
    void aQuantityThatIsNotAWholeNumberStopsTheCommandAtTheField() {
        CommandForm form = select("RestockItem");
        fx(() -> {
            set(form, "sku", "TEA");
            set(form, "quantity", "2.5");
            model.submit();
            return null;
        });
        FormField quantity = form.fields().get(1);
        assertThat(fx(() -> quantity.error().get())).isEqualTo("'2.5' is not a whole number");
        assertThat(fx(() -> model.running().get())).isFalse();
        assertThat(fx(() -> model.outcome().get())).isNull();
    }

    private CommandForm select(String name) {
        return fx(() -> {
            CommandSpec spec = model.commands().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
            model.selected().set(spec);
            return model.form().get();
        });
    }

    private static void set(CommandForm form, String path, String text) {
        form.fields().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().text().set(text);
    }
}
