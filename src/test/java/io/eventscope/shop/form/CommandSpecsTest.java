package io.eventscope.shop.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventscope.shop.Shop;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandSpecsTest {
    static final List<FieldSpec> ITEM = List.of(
            new FieldSpec("sku", FieldType.STRING, true, null, List.of()),
            new FieldSpec("quantity", FieldType.INTEGER, true, null, List.of()),
            new FieldSpec("unitPrice", FieldType.DECIMAL, true, null, List.of()));
    static final List<FieldSpec> ADDRESS = List.of(
            new FieldSpec("street", FieldType.STRING, true, null, List.of()),
            new FieldSpec("city", FieldType.STRING, true, null, List.of()),
            new FieldSpec("postalCode", FieldType.STRING, true, null, List.of()),
            new FieldSpec("country", FieldType.STRING, true, null, List.of()));

    @Test
    void create_order_has_a_table_of_items_and_an_optional_address() {
        assertThat(spec("CreateOrder")).isEqualTo(new CommandSpec("CreateOrder", "order", List.of(
                new FieldSpec("orderId", FieldType.STRING, false, "generated when absent", List.of()),
                new FieldSpec("userId", FieldType.STRING, true, null, List.of()),
                new FieldSpec("items", FieldType.ITEMS, true, null, ITEM),
                new FieldSpec("shippingAddress", FieldType.ADDRESS, false,
                        "where to ship; may be given later to the shipment", ADDRESS))));
    }

    @Test
    void money_is_a_decimal_and_quantities_are_integers() {
        assertThat(spec("PayOrder").fields()).extracting(FieldSpec::name, FieldSpec::type, FieldSpec::required)
                .containsExactly(tuple("orderId", FieldType.STRING, true), tuple("amount", FieldType.DECIMAL, true));
        assertThat(spec("ReserveStock").fields()).extracting(FieldSpec::name, FieldSpec::type)
                .containsExactly(tuple("sku", FieldType.STRING), tuple("orderId", FieldType.STRING),
                        tuple("quantity", FieldType.INTEGER));
    }

    @Test
    void a_payment_id_may_be_left_out() {
        assertThat(spec("ChargePayment").fields().get(0))
                .isEqualTo(new FieldSpec("paymentId", FieldType.STRING, false, "the orderId when absent", List.of()));
        assertThat(spec("ScheduleShipment").fields().get(1).required()).isFalse();
    }

    @Test
    void every_command_has_a_form_in_aggregate_order() {
        assertThat(Shop.commands()).extracting(CommandSpec::name, CommandSpec::aggregate).containsExactly(
                tuple("CreateOrder", "order"), tuple("PayOrder", "order"), tuple("ShipOrder", "order"),
                tuple("CancelOrder", "order"), tuple("ChargePayment", "payment"), tuple("RefundPayment", "payment"),
                tuple("RestockItem", "inventory"), tuple("ReserveStock", "inventory"),
                tuple("ReleaseStock", "inventory"), tuple("CommitStock", "inventory"), tuple("ScheduleShipment", "shipment"),
                tuple("CancelShipment", "shipment"));
    }

    private static CommandSpec spec(String name) {
        return Shop.commands().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
