package io.eventscope.shop.order;

import static io.eventscope.shop.CommandInput.parse;
import static io.eventscope.shop.CommandInput.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.shop.Address;
import io.eventscope.shop.Item;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order commands as a person types them in JSON: what is accepted, and what they are told otherwise. */
class OrderCommandsTest {

    @Test
    void create_order_reads_every_field() throws Exception {
        CreateOrder command = parse("""
                {"orderId": "o1", "userId": "alice",
                 "items": [{"sku": "sku-1", "quantity": 2, "unitPrice": 10.00}],
                 "shippingAddress": {"street": "1 Main St", "city": "Lyon", "postalCode": "69001", "country": "FR"}}
                """, CreateOrder.class);
        assertThat(command).isEqualTo(new CreateOrder("o1", "alice",
                List.of(new Item("sku-1", 2, new BigDecimal("10.00"))),
                new Address("1 Main St", "Lyon", "69001", "FR")));
    }

    @Test
    void an_order_id_is_generated_when_absent_and_differs_each_time() throws Exception {
        String json = """
                {"userId": "alice", "items": [{"sku": "s", "quantity": 1, "unitPrice": 1}]}""";
        String first = parse(json, CreateOrder.class).orderId();
        String second = parse(json.replace("{\"userId", "{\"orderId\": \"\", \"userId"), CreateOrder.class).orderId();
        assertThat(first).isNotBlank().isNotEqualTo(second);
        assertThat(second).isNotBlank();
    }

    @Test
    void an_order_needs_at_least_one_item() {
        assertThat(refusal("""
                {"userId": "alice", "items": []}""", CreateOrder.class))
                .isEqualTo("items: an order needs at least one item");
        assertThat(refusal("""
                {"userId": "alice"}""", CreateOrder.class))
                .isEqualTo("items: an order needs at least one item");
    }

    @Test
    void item_problems_name_the_item_by_its_index() {
        String items = """
                {"userId": "alice", "items": [{"sku": "a", "quantity": 1, "unitPrice": 1}, %s]}""";
        assertThat(refusal(items.formatted("""
                {"sku": "b", "quantity": 0, "unitPrice": 1}"""), CreateOrder.class))
                .startsWith("items[1].quantity must be greater than 0");
        assertThat(refusal(items.formatted("""
                {"sku": "b", "quantity": -3, "unitPrice": 1}"""), CreateOrder.class))
                .isEqualTo("items[1].quantity must be greater than 0, was -3");
        assertThat(refusal(items.formatted("""
                {"sku": "b", "quantity": 1, "unitPrice": -0.01}"""), CreateOrder.class))
                .isEqualTo("items[1].unitPrice must not be negative, was -0.01");
        assertThat(refusal(items.formatted("""
                {"sku": "b", "quantity": 1}"""), CreateOrder.class))
                .isEqualTo("items[1].unitPrice is required");
        assertThat(refusal(items.formatted("""
                {"sku": " ", "quantity": 1, "unitPrice": 1}"""), CreateOrder.class))
                .isEqualTo("items[1].sku is required");
        assertThat(refusal(items.formatted("null"), CreateOrder.class))
                .isEqualTo("items[1] is required");
    }

    @Test
    void a_user_is_required() {
        assertThat(refusal("""
                {"items": [{"sku": "a", "quantity": 1, "unitPrice": 1}]}""", CreateOrder.class))
                .isEqualTo("userId is required");
    }

    @Test
    void a_given_address_must_be_complete() {
        assertThat(refusal("""
                {"userId": "alice", "items": [{"sku": "a", "quantity": 1, "unitPrice": 1}],
                 "shippingAddress": {"street": "1 Main St", "postalCode": "69001", "country": "FR"}}""",
                CreateOrder.class))
                .isEqualTo("shippingAddress.city is required");
    }

    @Test
    void pay_order_needs_an_order_and_an_amount_in_whole_cents() {
        assertThat(refusal("""
                {"amount": 10}""", PayOrder.class)).isEqualTo("orderId is required");
        assertThat(refusal("""
                {"orderId": "o1"}""", PayOrder.class)).isEqualTo("amount is required");
        assertThat(refusal("""
                {"orderId": "o1", "amount": -1}""", PayOrder.class)).isEqualTo("amount must not be negative, was -1");
        assertThat(refusal("""
                {"orderId": "o1", "amount": 1.005}""", PayOrder.class))
                .isEqualTo("amount must be in whole cents (at most 2 decimals), was 1.005");
    }

    @Test
    void trailing_zeros_do_not_count_as_fractions_of_a_cent() throws Exception {
        assertThat(parse("""
                {"orderId": "o1", "amount": 1.5000}""", PayOrder.class).amount()).isEqualByComparingTo("1.50");
    }

    @Test
    void ship_order_needs_a_tracking_number() {
        assertThat(refusal("""
                {"orderId": "o1"}""", ShipOrder.class)).isEqualTo("trackingNumber is required");
        assertThat(refusal("""
                {"trackingNumber": "T"}""", ShipOrder.class)).isEqualTo("orderId is required");
    }

    @Test
    void cancel_order_needs_a_reason() {
        assertThat(refusal("""
                {"orderId": "o1", "reason": ""}""", CancelOrder.class)).isEqualTo("reason is required");
        assertThat(refusal("""
                {"reason": "r"}""", CancelOrder.class)).isEqualTo("orderId is required");
    }
}
