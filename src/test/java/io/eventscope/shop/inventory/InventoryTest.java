package io.eventscope.shop.inventory;

import static io.eventscope.shop.CommandInput.refusal;
import static io.eventscope.shop.GivenWhenThen.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InventoryTest {
    static final Inventory INVENTORY = new Inventory();
    static final StockRestocked TEN = new StockRestocked("sku-1", 10);
    static final StockReserved O1_HOLDS_4 = new StockReserved("sku-1", "o1", 4);

    @Nested
    class RestockItemCommand {
        @Test
        void adds_stock() {
            given(INVENTORY).when(new RestockItem("sku-1", 10)).then(TEN);
        }

        @Test
        void needs_a_sku_and_a_positive_quantity() {
            assertThat(refusal("""
                    {"quantity": 1}""", RestockItem.class)).isEqualTo("sku is required");
            assertThat(refusal("""
                    {"sku": "sku-1", "quantity": 0}""", RestockItem.class))
                    .isEqualTo("quantity must be greater than 0, was 0");
        }
    }

    @Nested
    class ReserveStockCommand {
        @Test
        void holds_available_stock_for_an_order() {
            given(INVENTORY, TEN).when(new ReserveStock("sku-1", "o1", 4)).then(O1_HOLDS_4);
            given(INVENTORY, TEN).when(new ReserveStock("sku-1", "o1", 10))
                    .then(new StockReserved("sku-1", "o1", 10));
        }

        @Test
        void stock_cannot_go_negative() {
            given(INVENTORY, TEN, O1_HOLDS_4).when(new ReserveStock("sku-1", "o2", 7))
                    .thenRejected("Not enough stock of sku-1 for order o2", "7 requested", "6 available");
        }

        @Test
        void an_unstocked_sku_has_nothing_to_reserve() {
            given(INVENTORY).when(new ReserveStock("sku-9", "o1", 1))
                    .thenRejected("Not enough stock of sku-9", "0 available");
        }

        @Test
        void needs_an_order() {
            assertThat(refusal("""
                    {"sku": "sku-1", "quantity": 1}""", ReserveStock.class)).isEqualTo("orderId is required");
        }
    }

    @Nested
    class ReleaseStockCommand {
        @Test
        void gives_back_what_an_order_holds() {
            given(INVENTORY, TEN, O1_HOLDS_4).when(new ReleaseStock("sku-1", "o1", 4))
                    .then(new StockReleased("sku-1", "o1", 4));
        }

        @Test
        void cannot_release_more_than_the_order_holds() {
            given(INVENTORY, TEN, O1_HOLDS_4).when(new ReleaseStock("sku-1", "o1", 5))
                    .thenRejected("Order o1 holds 4 of sku-1", "cannot release 5");
            given(INVENTORY, TEN, O1_HOLDS_4).when(new ReleaseStock("sku-1", "o2", 1))
                    .thenRejected("Order o2 holds 0 of sku-1");
        }

        @Test
        void needs_a_positive_quantity() {
            assertThat(refusal("""
                    {"sku": "sku-1", "orderId": "o1", "quantity": -1}""", ReleaseStock.class))
                    .isEqualTo("quantity must be greater than 0, was -1");
        }
    }

    @Nested
    class CommitStockCommand {
        @Test
        void ships_what_an_order_holds_without_returning_it_to_the_shelf() {
            given(INVENTORY, TEN, O1_HOLDS_4).when(new CommitStock("sku-1", "o1", 4))
                    .then(new ReservationCommitted("sku-1", "o1", 4));
            InventoryState state = INVENTORY.initialState();
            for (InventoryEvent e : new InventoryEvent[] {TEN, O1_HOLDS_4, new ReservationCommitted("sku-1", "o1", 4)}) {
                state = INVENTORY.evolve(state, e);
            }
            assertThat(state.available()).isEqualTo(6);
            assertThat(state.reserved()).isEmpty();
        }

        @Test
        void cannot_commit_more_than_the_order_holds() {
            given(INVENTORY, TEN, O1_HOLDS_4).when(new CommitStock("sku-1", "o1", 5))
                    .thenRejected("Order o1 holds 4 of sku-1", "cannot commit 5");
            given(INVENTORY, TEN).when(new CommitStock("sku-1", "o2", 1))
                    .thenRejected("Order o2 holds 0 of sku-1");
        }
    }

    @Test
    void the_state_shows_available_stock_and_what_each_order_holds() {
        InventoryState state = INVENTORY.initialState();
        for (InventoryEvent e : new InventoryEvent[] {TEN, O1_HOLDS_4, new StockReserved("sku-1", "o2", 1),
                new StockReleased("sku-1", "o1", 4)}) {
            state = INVENTORY.evolve(state, e);
        }
        assertThat(state.sku()).isEqualTo("sku-1");
        assertThat(state.available()).isEqualTo(9);
        assertThat(state.reserved()).isEqualTo(Map.of("o2", 1L));
    }
}
