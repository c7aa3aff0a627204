package io.eventscope.shop.order;

import static io.eventscope.shop.GivenWhenThen.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.shop.Address;
import io.eventscope.shop.Item;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderTest {
    static final Order ORDER = new Order();
    static final Address HOME = new Address("1 Main St", "Lyon", "69001", "FR");
    static final List<Item> ITEMS = List.of(
            new Item("sku-1", 2, new BigDecimal("10.00")),
            new Item("sku-2", 1, new BigDecimal("5.50")));
    static final OrderCreated CREATED = new OrderCreated("o1", "alice", ITEMS, HOME, new BigDecimal("25.50"), "EUR");
    static final OrderPaid PAID = new OrderPaid("o1", new BigDecimal("25.50"));
    static final OrderShipped SHIPPED = new OrderShipped("o1", "TRACK-1");
    static final OrderCancelled CANCELLED = new OrderCancelled("o1", "changed my mind");

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Nested
    class CreateOrderCommand {
        @Test
        void creates_a_pending_order_whose_amount_is_the_sum_of_quantity_times_unit_price() {
            given(ORDER).when(new CreateOrder("o1", "alice", ITEMS, HOME)).then(CREATED);
        }

        @Test
        void an_address_is_optional() {
            given(ORDER).when(new CreateOrder("o1", "alice", ITEMS, null))
                    .then(new OrderCreated("o1", "alice", ITEMS, null, eur("25.50"), "EUR"));
        }

        @Test
        void the_total_is_exact_decimal_arithmetic_rounded_half_even_to_the_cent() {
            List<Item> tenths = List.of(new Item("a", 3, eur("0.1")));
            assertThat(created(tenths).amount()).isEqualTo(eur("0.30"));
            assertThat(created(List.of(new Item("a", 3, eur("0.335")))).amount()).isEqualTo(eur("1.00"));
            assertThat(created(List.of(new Item("a", 3, eur("0.345")))).amount()).isEqualTo(eur("1.04"));
        }

        @Test
        void free_items_are_allowed() {
            assertThat(created(List.of(new Item("gift", 1, eur("0")))).amount()).isEqualTo(eur("0.00"));
        }

        @Test
        void an_existing_order_cannot_be_created_again() {
            given(ORDER, CREATED).when(new CreateOrder("o1", "bob", ITEMS, null))
                    .thenRejected("Order o1 already exists");
        }

        private OrderCreated created(List<Item> items) {
            return (OrderCreated) given(ORDER).when(new CreateOrder("o1", "alice", items, null)).events().get(0);
        }
    }

    @Nested
    class PayOrderCommand {
        @Test
        void pays_a_pending_order_with_exactly_its_total() {
            given(ORDER, CREATED).when(new PayOrder("o1", eur("25.50"))).then(PAID);
        }

        @Test
        void the_amount_is_compared_by_value_not_by_how_many_zeros_it_has() {
            OrderCreated even = new OrderCreated("o1", "alice", List.of(new Item("a", 1, eur("25"))), null,
                    eur("25.00"), "EUR");
            given(ORDER, even).when(new PayOrder("o1", eur("25"))).then(new OrderPaid("o1", eur("25")));
        }

        @Test
        void an_order_of_free_items_is_paid_with_zero() {
            OrderCreated free = new OrderCreated("o1", "alice", List.of(new Item("gift", 1, eur("0"))), null,
                    eur("0.00"), "EUR");
            given(ORDER, free).when(new PayOrder("o1", eur("0"))).then(new OrderPaid("o1", eur("0")));
        }

        @Test
        void paying_the_wrong_amount_is_rejected_naming_expected_and_given() {
            given(ORDER, CREATED).when(new PayOrder("o1", eur("25")))
                    .thenRejected("order o1", "expected 25.50 EUR", "given 25.00 EUR");
            given(ORDER, CREATED).when(new PayOrder("o1", eur("30.00")))
                    .thenRejected("expected 25.50 EUR", "given 30.00 EUR");
        }

        @Test
        void paying_twice_is_rejected() {
            given(ORDER, CREATED, PAID).when(new PayOrder("o1", eur("25.50"))).thenRejected("Order o1 is already paid");
            given(ORDER, CREATED, PAID, SHIPPED).when(new PayOrder("o1", eur("25.50"))).thenRejected("already paid");
        }

        @Test
        void a_cancelled_order_cannot_be_paid() {
            given(ORDER, CREATED, CANCELLED).when(new PayOrder("o1", eur("25.50")))
                    .thenRejected("Order o1 is cancelled and cannot be paid");
        }

        @Test
        void an_unknown_order_is_rejected_by_its_id() {
            given(ORDER).when(new PayOrder("o9", eur("1"))).thenRejected("Order o9 does not exist");
        }
    }

    @Nested
    class ShipOrderCommand {
        @Test
        void ships_a_paid_order() {
            given(ORDER, CREATED, PAID).when(new ShipOrder("o1", "TRACK-1")).then(SHIPPED);
        }

        @Test
        void an_unpaid_order_does_not_ship() {
            given(ORDER, CREATED).when(new ShipOrder("o1", "TRACK-1"))
                    .thenRejected("Order o1 is not paid yet", "only a paid order ships");
        }

        @Test
        void a_cancelled_order_does_not_ship() {
            given(ORDER, CREATED, PAID, CANCELLED).when(new ShipOrder("o1", "TRACK-1"))
                    .thenRejected("Order o1 is cancelled and cannot be shipped");
        }

        @Test
        void an_order_ships_once() {
            given(ORDER, CREATED, PAID, SHIPPED).when(new ShipOrder("o1", "TRACK-2"))
                    .thenRejected("Order o1 has already shipped", "TRACK-1");
        }

        @Test
        void an_unknown_order_is_rejected_by_its_id() {
            given(ORDER).when(new ShipOrder("o9", "T")).thenRejected("Order o9 does not exist");
        }
    }

    @Nested
    class CancelOrderCommand {
        @Test
        void cancels_a_pending_order() {
            given(ORDER, CREATED).when(new CancelOrder("o1", "changed my mind")).then(CANCELLED);
        }

        @Test
        void cancels_a_paid_order_that_has_not_shipped() {
            given(ORDER, CREATED, PAID).when(new CancelOrder("o1", "changed my mind")).then(CANCELLED);
        }

        @Test
        void a_shipped_order_cannot_be_cancelled() {
            given(ORDER, CREATED, PAID, SHIPPED).when(new CancelOrder("o1", "too late"))
                    .thenRejected("Order o1 has already shipped and cannot be cancelled");
        }

        @Test
        void an_order_is_cancelled_once() {
            given(ORDER, CREATED, CANCELLED).when(new CancelOrder("o1", "again"))
                    .thenRejected("Order o1 is already cancelled");
        }

        @Test
        void an_unknown_order_is_rejected_by_its_id() {
            given(ORDER).when(new CancelOrder("o9", "why")).thenRejected("Order o9 does not exist");
        }
    }

    @Nested
    class State {
        @Test
        void starts_empty() {
            assertThat(ORDER.initialState().exists()).isFalse();
            assertThat(ORDER.initialState().items()).isEmpty();
        }

        @Test
        void shows_what_the_events_did() {
            OrderState state = fold(CREATED, PAID, SHIPPED);
            assertThat(state).isEqualTo(new OrderState("o1", "alice", OrderStatus.SHIPPED, ITEMS, eur("25.50"), "EUR",
                    eur("25.50"), "TRACK-1", HOME, null));
        }

        @Test
        void a_cancelled_order_keeps_its_reason_and_what_was_paid() {
            OrderState state = fold(CREATED, PAID, CANCELLED);
            assertThat(state.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(state.cancelReason()).isEqualTo("changed my mind");
            assertThat(state.paidAmount()).isEqualTo(eur("25.50"));
        }

        private OrderState fold(OrderEvent... events) {
            OrderState state = ORDER.initialState();
            for (OrderEvent event : events) {
                state = ORDER.evolve(state, event);
            }
            return state;
        }
    }
}
