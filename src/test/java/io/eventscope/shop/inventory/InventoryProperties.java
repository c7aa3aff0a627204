package io.eventscope.shop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.domain.Decision;
import io.eventscope.shop.CommandRun;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Random restocks, reservations and releases of one SKU for three orders. */
class InventoryProperties {
    static final String SKU = "sku-1";

    @Property(tries = 300)
    void stock_never_goes_negative_and_the_store_rebuilds_the_state(@ForAll("commands") List<InventoryCommand> commands) {
        CommandRun<InventoryCommand, InventoryState, InventoryEvent> run = new CommandRun<>(Inventory.type());
        long restocked = 0;
        for (InventoryCommand command : commands) {
            Decision<InventoryEvent> decision = run.handle(command);
            Statistics.label("outcome").collect(command.getClass().getSimpleName(), decision.accepted());
            if (decision.accepted() && command instanceof RestockItem restock) {
                restocked += restock.quantity();
            }
            InventoryState state = run.state(SKU);
            assertThat(state.available()).isNotNegative();
            assertThat(state.reserved().values()).allMatch(held -> held > 0);
            long held = state.reserved().values().stream().mapToLong(Long::longValue).sum();
            assertThat(state.available() + held).as("available + reserved = everything restocked").isEqualTo(restocked);
        }
        assertThat(run.stateFromStore(SKU)).isEqualTo(run.state(SKU));
        Statistics.label("outcome").coverage(check -> {
            check.check("ReserveStock", false).count(n -> n > 0);
            check.check("ReleaseStock", true).count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<List<InventoryCommand>> commands() {
        Arbitrary<String> orders = Arbitraries.of("o1", "o2", "o3");
        Arbitrary<Integer> quantities = Arbitraries.integers().between(1, 20);
        Arbitrary<InventoryCommand> command = Arbitraries.oneOf(
                quantities.map(q -> new RestockItem(SKU, q)),
                Combinators.combine(orders, quantities).as((o, q) -> new ReserveStock(SKU, o, q)),
                Combinators.combine(orders, quantities).as((o, q) -> new ReleaseStock(SKU, o, q)));
        return command.list().ofMaxSize(40);
    }
}
