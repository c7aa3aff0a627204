package io.eventscope.shop.shipment;

import static io.eventscope.shop.CommandInput.refusal;
import static io.eventscope.shop.GivenWhenThen.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.shop.Address;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShipmentTest {
    static final Shipment SHIPMENT = new Shipment();
    static final Address HOME = new Address("1 Main St", "Lyon", "69001", "FR");
    static final ShipmentScheduled SCHEDULED = new ShipmentScheduled("o1", HOME);
    static final ShipmentCancelled CANCELLED = new ShipmentCancelled("o1", "payment failed");

    @Nested
    class ScheduleShipmentCommand {
        @Test
        void schedules_to_an_address() {
            given(SHIPMENT).when(new ScheduleShipment("o1", HOME)).then(SCHEDULED);
        }

        @Test
        void the_address_may_be_confirmed_later() {
            given(SHIPMENT).when(new ScheduleShipment("o1", null)).then(new ShipmentScheduled("o1", null));
        }

        @Test
        void schedules_once() {
            given(SHIPMENT, SCHEDULED).when(new ScheduleShipment("o1", HOME))
                    .thenRejected("The shipment of order o1 is already scheduled");
        }

        @Test
        void a_cancelled_shipment_stays_cancelled() {
            given(SHIPMENT, SCHEDULED, CANCELLED).when(new ScheduleShipment("o1", HOME))
                    .thenRejected("The shipment of order o1 was cancelled (payment failed)");
        }

        @Test
        void a_given_address_must_be_complete() {
            assertThat(refusal("""
                    {"orderId": "o1", "address": {"street": "1 Main St", "city": "Lyon", "postalCode": "69001"}}""",
                    ScheduleShipment.class)).isEqualTo("address.country is required");
        }
    }

    @Nested
    class CancelShipmentCommand {
        @Test
        void cancels_a_scheduled_shipment() {
            given(SHIPMENT, SCHEDULED).when(new CancelShipment("o1", "payment failed")).then(CANCELLED);
        }

        @Test
        void nothing_to_cancel_without_a_schedule() {
            given(SHIPMENT).when(new CancelShipment("o9", "r")).thenRejected("No shipment is scheduled for order o9");
        }

        @Test
        void cancels_once() {
            given(SHIPMENT, SCHEDULED, CANCELLED).when(new CancelShipment("o1", "r"))
                    .thenRejected("The shipment of order o1 is already cancelled");
        }

        @Test
        void needs_a_reason() {
            assertThat(refusal("""
                    {"orderId": "o1"}""", CancelShipment.class)).isEqualTo("reason is required");
        }
    }

    @Test
    void the_state_keeps_address_and_cancel_reason() {
        ShipmentState state = SHIPMENT.evolve(SHIPMENT.evolve(SHIPMENT.initialState(), SCHEDULED), CANCELLED);
        assertThat(state).isEqualTo(new ShipmentState("o1", ShipmentStatus.CANCELLED, HOME, "payment failed"));
    }
}
