package io.eventscope.shop.order;

import static io.eventscope.shop.ShopArbitraries.addressesOrNone;
import static io.eventscope.shop.ShopArbitraries.amounts;
import static io.eventscope.shop.ShopArbitraries.itemLists;
import static io.eventscope.shop.ShopArbitraries.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.shop.Address;
import io.eventscope.shop.CommandRun;
import io.eventscope.shop.Item;
import io.eventscope.shop.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** Random command sequences against two orders, checked step by step and against the store. */
class OrderProperties {

    @Property(tries = 300)
    void the_stored_events_rebuild_the_state_and_the_rules_hold(@ForAll("steps") List<Step> steps) {
        CommandRun<OrderCommand, OrderState, OrderEvent> run = new CommandRun<>(Order.type());
        for (Step step : steps) {
            OrderState before = run.state(step.orderId());
            OrderCommand command = step.command(before);
            boolean accepted = run.handle(command).accepted();
            OrderState after = run.state(step.orderId());
            Statistics.label("outcome").collect(command.getClass().getSimpleName(), accepted);
            assertLegalTransition(before, after);
            assertTotalIsSumOfLineTotals(after);
        }
        for (Map.Entry<String, OrderState> order : run.states().entrySet()) {
            Statistics.label("final status").collect(order.getValue().status());
            assertThat(run.stateFromStore(order.getKey())).isEqualTo(order.getValue());
        }
        Statistics.label("final status").coverage(check -> check.check(OrderStatus.SHIPPED).count(n -> n > 0));
    }

    private static void assertTotalIsSumOfLineTotals(OrderState state) {
        if (state.exists()) {
            BigDecimal lines = BigDecimal.ZERO;
            for (Item item : state.items()) {
                lines = lines.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
            }
            assertThat(state.total()).isEqualTo(Money.cents(lines));
            assertThat(state.total().scale()).isEqualTo(2);
            assertThat(state.currency()).isEqualTo("EUR");
        }
    }

    private static void assertLegalTransition(OrderState before, OrderState after) {
        if (before.status() == OrderStatus.CANCELLED || before.status() == OrderStatus.SHIPPED) {
            assertThat(after).as("a %s order never changes", before.status()).isEqualTo(before);
        }
        if (after.status() == OrderStatus.PAID || after.status() == OrderStatus.SHIPPED) {
            assertThat(after.paidAmount()).isEqualByComparingTo(after.total());
        }
        if (after.status() == OrderStatus.SHIPPED) {
            assertThat(before.status()).isIn(OrderStatus.PAID, OrderStatus.SHIPPED);
            assertThat(after.trackingNumber()).isNotBlank();
        }
        if (before.exists()) {
            assertThat(after.items()).isEqualTo(before.items());
            assertThat(after.total()).isEqualTo(before.total());
        }
    }

    /** One thing a person does to an order; some need its current state (to pay the exact total). */
    sealed interface Step {
        String orderId();

        OrderCommand command(OrderState state);
    }

    record Create(String orderId, String userId, List<Item> items, Address address) implements Step {
        public OrderCommand command(OrderState state) {
            return new CreateOrder(orderId, userId, items, address);
        }
    }

    record PayTotal(String orderId) implements Step {
        public OrderCommand command(OrderState state) {
            return new PayOrder(orderId, state.exists() ? state.total() : BigDecimal.ONE);
        }
    }

    record PayAmount(String orderId, BigDecimal amount) implements Step {
        public OrderCommand command(OrderState state) {
            return new PayOrder(orderId, amount);
        }
    }

    record Ship(String orderId, String trackingNumber) implements Step {
        public OrderCommand command(OrderState state) {
            return new ShipOrder(orderId, trackingNumber);
        }
    }

    record Cancel(String orderId, String reason) implements Step {
        public OrderCommand command(OrderState state) {
            return new CancelOrder(orderId, reason);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> ids = Arbitraries.of("o1", "o2");
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(ids, texts(), itemLists(), addressesOrNone()).as(Create::new)),
                Tuple.of(3, ids.map(PayTotal::new)),
                Tuple.of(1, Combinators.combine(ids, amounts()).as(PayAmount::new)),
                Tuple.of(3, Combinators.combine(ids, texts()).as(Ship::new)),
                Tuple.of(1, Combinators.combine(ids, texts()).as(Cancel::new)));
        return step.list().ofMaxSize(25);
    }
}
