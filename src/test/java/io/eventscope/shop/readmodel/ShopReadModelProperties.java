package io.eventscope.shop.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StreamInfo;
import io.eventscope.shop.Item;
import io.eventscope.shop.Shop;
import io.eventscope.shop.inventory.ReleaseStock;
import io.eventscope.shop.inventory.ReserveStock;
import io.eventscope.shop.inventory.RestockItem;
import io.eventscope.shop.order.CancelOrder;
import io.eventscope.shop.order.CreateOrder;
import io.eventscope.shop.order.PayOrder;
import io.eventscope.shop.order.ShipOrder;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For any sequence of shop commands, the read models say what a fold of each stream says. */
class ShopReadModelProperties {

    /** Caught up after each command the projections write event by event; caught up once, they fold a whole run. */
    @Property(tries = 30)
    void the_read_models_equal_a_fold_of_the_events(@ForAll("commandSequences") List<Object> commands,
                                                    @ForAll boolean catchUpAfterEachCommand) {
        try (Engine engine = Engine.open(new OpenStore(new InMemoryEventStore(), null), Shop.aggregateTypes(),
                ShopUpcasters.chain(), ShopReadModels.projections())) {
            for (Object command : commands) {
                engine.commands().handle(CommandEnvelope.of(command.getClass().getSimpleName(),
                        Json.MAPPER.valueToTree(command), "prop", null));
                if (catchUpAfterEachCommand) {
                    engine.readModels().catchUp();
                }
            }
            engine.readModels().catchUp();

            Map<String, OrderView> orders = new HashMap<>();
            new OrderQueryHandler(engine.readModels()).all().forEach(o -> orders.put(o.id(), o));
            Map<String, StockLevel> stock = new HashMap<>();
            new StockQueryHandler(engine.readModels()).all().forEach(s -> stock.put(s.sku(), s));
            int orderStreams = 0;
            int stockStreams = 0;
            for (StreamInfo stream : engine.store().streams()) {
                JsonNode state = engine.timeTravel().currentState(stream.streamId()).state();
                if (stream.streamId().startsWith("order-")) {
                    orderStreams++;
                    OrderView row = orders.get(state.get("orderId").asText());
                    assertThat(row).as(stream.streamId()).isNotNull();
                    assertThat(row.status()).isEqualTo(state.get("status").asText());
                    assertThat(row.userId()).isEqualTo(state.get("userId").asText());
                    assertThat(row.total()).isEqualByComparingTo(state.get("total").decimalValue());
                    assertThat(row.itemCount()).isEqualTo(state.get("items").size());
                    assertThat(row.shippedAt() != null).isEqualTo(state.get("status").asText().equals("SHIPPED"));
                } else if (stream.streamId().startsWith("inventory-")) {
                    stockStreams++;
                    StockLevel level = stock.get(state.get("sku").asText());
                    assertThat(level).as(stream.streamId()).isNotNull();
                    assertThat(level.available()).isEqualTo(state.get("available").asLong());
                    long held = 0;
                    for (Iterator<JsonNode> it = state.get("reserved").elements(); it.hasNext(); ) {
                        held += it.next().asLong();
                    }
                    assertThat(level.reserved()).isEqualTo(held);
                }
            }
            assertThat(orders).hasSize(orderStreams);
            assertThat(stock).hasSize(stockStreams);
        }
    }

    @Provide
    Arbitrary<List<Object>> commandSequences() {
        Arbitrary<String> orderIds = Arbitraries.of("o1", "o2", "o3", "o4");
        Arbitrary<String> skus = Arbitraries.of("sku-a", "sku-b", "sku-c");
        Arbitrary<Integer> quantities = Arbitraries.integers().between(1, 5);
        Arbitrary<Item> items = Combinators.combine(skus, quantities, Arbitraries.of(
                new BigDecimal("1.50"), new BigDecimal("10.00"), new BigDecimal("2.25"))).as(Item::new);
        Arbitrary<Object> create = Combinators.combine(orderIds, Arbitraries.of("ann", "bob"),
                items.list().ofMinSize(1).ofMaxSize(3)).as((id, user, lines) -> new CreateOrder(id, user, lines, null));
        // Right and wrong amounts: 1.50, 3.00, ... hit some orders' totals, miss others.
        Arbitrary<Object> pay = Combinators.combine(orderIds, Arbitraries.integers().between(1, 20))
                .as((id, n) -> new PayOrder(id, new BigDecimal("1.50").multiply(BigDecimal.valueOf(n))));
        Arbitrary<Object> ship = orderIds.map(id -> new ShipOrder(id, "T-" + id));
        Arbitrary<Object> cancel = orderIds.map(id -> new CancelOrder(id, "changed mind"));
        Arbitrary<Object> restock = Combinators.combine(skus, quantities).as(RestockItem::new);
        Arbitrary<Object> reserve = Combinators.combine(skus, orderIds, quantities).as(ReserveStock::new);
        Arbitrary<Object> release = Combinators.combine(skus, orderIds, quantities).as(ReleaseStock::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, create), net.jqwik.api.Tuple.of(3, pay), net.jqwik.api.Tuple.of(2, ship),
                net.jqwik.api.Tuple.of(1, cancel), net.jqwik.api.Tuple.of(3, restock),
                net.jqwik.api.Tuple.of(3, reserve), net.jqwik.api.Tuple.of(2, release))
                .list().ofMinSize(1).ofMaxSize(40);
    }
}
