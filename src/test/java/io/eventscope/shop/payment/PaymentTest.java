package io.eventscope.shop.payment;

import static io.eventscope.shop.CommandInput.parse;
import static io.eventscope.shop.CommandInput.refusal;
import static io.eventscope.shop.GivenWhenThen.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PaymentTest {
    static final Payment PAYMENT = new Payment();
    static final PaymentCaptured CAPTURED = new PaymentCaptured("o1", "o1", eur("25.50"), "EUR");

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Nested
    class ChargePaymentCommand {
        @Test
        void captures_the_amount_under_the_order_id_when_no_payment_id_is_given() throws Exception {
            ChargePayment charge = parse("""
                    {"orderId": "o1", "amount": 25.50}""", ChargePayment.class);
            assertThat(Payment.type().aggregateId(charge)).isEqualTo("o1");
            given(PAYMENT).when(charge).then(CAPTURED);
        }

        @Test
        void a_given_payment_id_is_kept() {
            given(PAYMENT).when(new ChargePayment("p7", "o1", eur("3.00")))
                    .then(new PaymentCaptured("p7", "o1", eur("3.00"), "EUR"));
        }

        @Test
        void a_payment_is_captured_once() {
            given(PAYMENT, CAPTURED).when(new ChargePayment(null, "o1", eur("25.50")))
                    .thenRejected("Payment o1 is already captured", "25.50 EUR", "order o1");
        }

        @Test
        void needs_an_order_and_a_positive_amount_in_cents() {
            assertThat(refusal("""
                    {"amount": 1}""", ChargePayment.class)).isEqualTo("orderId is required");
            assertThat(refusal("""
                    {"orderId": "o1", "amount": -1}""", ChargePayment.class))
                    .isEqualTo("amount must not be negative, was -1");
            assertThat(refusal("""
                    {"orderId": "o1", "amount": 0.00}""", ChargePayment.class))
                    .isEqualTo("amount must be greater than 0");
            assertThat(refusal("""
                    {"orderId": "o1", "amount": 0.001}""", ChargePayment.class))
                    .startsWith("amount must be in whole cents");
        }
    }

    @Nested
    class RefundPaymentCommand {
        @Test
        void refunds_part_then_the_rest() {
            PaymentRefunded part = new PaymentRefunded("o1", "o1", eur("5.50"), "one item broken");
            given(PAYMENT, CAPTURED).when(new RefundPayment("o1", "o1", eur("5.50"), "one item broken")).then(part);
            PaymentRefunded rest = new PaymentRefunded("o1", "o1", eur("20.00"), "order cancelled");
            given(PAYMENT, CAPTURED, part).when(new RefundPayment(null, "o1", eur("20.00"), "order cancelled"))
                    .then(rest);
        }

        @Test
        void cannot_refund_more_than_is_left() {
            PaymentRefunded part = new PaymentRefunded("o1", "o1", eur("5.50"), "broken");
            given(PAYMENT, CAPTURED, part).when(new RefundPayment("o1", "o1", eur("20.01"), "cancelled"))
                    .thenRejected("Cannot refund 20.01 EUR of payment o1", "only 20.00 EUR is left");
        }

        @Test
        void a_fully_refunded_payment_takes_no_more_refunds() {
            PaymentRefunded all = new PaymentRefunded("o1", "o1", eur("25.50"), "cancelled");
            given(PAYMENT, CAPTURED, all).when(new RefundPayment("o1", "o1", eur("1"), "again"))
                    .thenRejected("Payment o1 is already fully refunded");
        }

        @Test
        void the_refund_must_name_the_order_that_was_paid() {
            given(PAYMENT, CAPTURED).when(new RefundPayment("o1", "o2", eur("1"), "mix-up"))
                    .thenRejected("Payment o1 belongs to order o1, not to order o2");
        }

        @Test
        void an_unknown_payment_is_rejected_by_its_id() {
            given(PAYMENT).when(new RefundPayment("p9", "o1", eur("1"), "r")).thenRejected("Payment p9 does not exist");
        }

        @Test
        void needs_a_reason() {
            assertThat(refusal("""
                    {"orderId": "o1", "amount": 1}""", RefundPayment.class)).isEqualTo("reason is required");
        }
    }

    @Test
    void the_state_tracks_what_was_refunded() {
        PaymentState state = PAYMENT.evolve(PAYMENT.initialState(), CAPTURED);
        assertThat(state).isEqualTo(new PaymentState("o1", "o1", PaymentStatus.CAPTURED, eur("25.50"), "EUR",
                BigDecimal.ZERO));
        state = PAYMENT.evolve(state, new PaymentRefunded("o1", "o1", eur("25.50"), "cancelled"));
        assertThat(state.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(state.refundedAmount()).isEqualByComparingTo("25.50");
    }
}
