package io.eventscope.shop;

import static io.eventscope.shop.ShopArbitraries.addressesOrNone;
import static io.eventscope.shop.ShopArbitraries.amounts;
import static io.eventscope.shop.ShopArbitraries.itemLists;
import static io.eventscope.shop.ShopArbitraries.quantities;
import static io.eventscope.shop.ShopArbitraries.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.domain.EventCodec;
import io.eventscope.engine.event.Json;
import io.eventscope.shop.inventory.Inventory;
import io.eventscope.shop.inventory.InventoryEvent;
import io.eventscope.shop.inventory.ReservationCommitted;
import io.eventscope.shop.inventory.StockReleased;
import io.eventscope.shop.inventory.StockReserved;
import io.eventscope.shop.inventory.StockRestocked;
import io.eventscope.shop.order.Order;
import io.eventscope.shop.order.OrderCancelled;
import io.eventscope.shop.order.OrderCreated;
import io.eventscope.shop.order.OrderEvent;
import io.eventscope.shop.order.OrderPaid;
import io.eventscope.shop.order.OrderShipped;
import io.eventscope.shop.payment.Payment;
import io.eventscope.shop.payment.PaymentCaptured;
import io.eventscope.shop.payment.PaymentEvent;
import io.eventscope.shop.payment.PaymentRefunded;
import io.eventscope.shop.shipment.Shipment;
import io.eventscope.shop.shipment.ShipmentCancelled;
import io.eventscope.shop.shipment.ShipmentEvent;
import io.eventscope.shop.shipment.ShipmentScheduled;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every event type survives codec -> JSON text -> codec unchanged, decimals to the last zero. */
class ShopEventCodecProperties {

    @Property
    void order_events_round_trip(@ForAll("orderEvents") OrderEvent event) {
        assertRoundTrip(Order.type().events(), event);
    }

    @Property
    void payment_events_round_trip(@ForAll("paymentEvents") PaymentEvent event) {
        assertRoundTrip(Payment.type().events(), event);
    }

    @Property
    void inventory_events_round_trip(@ForAll("inventoryEvents") InventoryEvent event) {
        assertRoundTrip(Inventory.type().events(), event);
    }

    @Property
    void shipment_events_round_trip(@ForAll("shipmentEvents") ShipmentEvent event) {
        assertRoundTrip(Shipment.type().events(), event);
    }

    @Example
    void the_generators_cover_every_event_type() {
        assertThat(typesOf(orderEvents())).isEqualTo(SealedRecords.byName(OrderEvent.class).keySet());
        assertThat(typesOf(paymentEvents())).isEqualTo(SealedRecords.byName(PaymentEvent.class).keySet());
        assertThat(typesOf(inventoryEvents())).isEqualTo(SealedRecords.byName(InventoryEvent.class).keySet());
        assertThat(typesOf(shipmentEvents())).isEqualTo(SealedRecords.byName(ShipmentEvent.class).keySet());
    }

    private static <E> void assertRoundTrip(EventCodec<E> codec, E event) {
        String stored = Json.write(codec.toJson(event));
        E read = codec.fromJson(codec.typeName(event), Json.parse(stored));
        assertThat(read).isEqualTo(event);
        assertThat(Json.write(codec.toJson(read))).isEqualTo(stored);
    }

    private static Set<String> typesOf(Arbitrary<?> events) {
        return events.sampleStream().limit(500).map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet());
    }

    @Provide
    Arbitrary<OrderEvent> orderEvents() {
        return Arbitraries.oneOf(
                Combinators.combine(texts(), texts(), itemLists(), addressesOrNone(), amounts())
                        .as((id, user, items, address, amount) -> new OrderCreated(id, user, items, address, amount, "EUR")),
                Combinators.combine(texts(), amounts()).as(OrderPaid::new),
                Combinators.combine(texts(), texts()).as(OrderShipped::new),
                Combinators.combine(texts(), texts()).as(OrderCancelled::new));
    }

    @Provide
    Arbitrary<PaymentEvent> paymentEvents() {
        return Arbitraries.oneOf(
                Combinators.combine(texts(), texts(), amounts()).as((p, o, a) -> new PaymentCaptured(p, o, a, "EUR")),
                Combinators.combine(texts(), texts(), amounts(), texts()).as(PaymentRefunded::new));
    }

    @Provide
    Arbitrary<InventoryEvent> inventoryEvents() {
        return Arbitraries.oneOf(
                Combinators.combine(texts(), quantities()).as(StockRestocked::new),
                Combinators.combine(texts(), texts(), quantities()).as(StockReserved::new),
                Combinators.combine(texts(), texts(), quantities()).as(StockReleased::new),
                Combinators.combine(texts(), texts(), quantities()).as(ReservationCommitted::new));
    }

    @Provide
    Arbitrary<ShipmentEvent> shipmentEvents() {
        return Arbitraries.oneOf(
                Combinators.combine(texts(), addressesOrNone()).as(ShipmentScheduled::new),
                Combinators.combine(texts(), texts()).as(ShipmentCancelled::new));
    }
}
