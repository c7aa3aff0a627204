package io.eventscope.shop.payment;

import io.eventscope.engine.domain.Decider;
import io.eventscope.engine.domain.Decision;
import io.eventscope.shop.Money;
import io.eventscope.shop.ShopAggregate;

/**
 * A payment for an order (stream {@code payment-<paymentId>}): captured once, then refunded in
 * one or more parts, never more than was captured.
 */
public final class Payment implements Decider<PaymentCommand, PaymentState, PaymentEvent> {

    public static ShopAggregate<PaymentCommand, PaymentState, PaymentEvent> type() {
        return ShopAggregate.of("payment", new Payment(), PaymentCommand.class, PaymentCommand::paymentId,
                PaymentEvent.class);
    }

    @Override
    public PaymentState initialState() {
        return PaymentState.NONE;
    }

    @Override
    public Decision<PaymentEvent> decide(PaymentCommand command, PaymentState state) {
        if (command instanceof ChargePayment charge) {
            if (state.exists()) {
                return Decision.reject("Payment " + charge.paymentId() + " is already captured ("
                        + Money.format(state.amount()) + " for order " + state.orderId() + ").");
            }
            return Decision.accept(new PaymentCaptured(charge.paymentId(), charge.orderId(), charge.amount(),
                    Money.CURRENCY));
        }
        if (command instanceof RefundPayment refund) {
            return refund(refund, state);
        }
        throw new IllegalArgumentException("not a payment command: " + command);
    }

    private static Decision<PaymentEvent> refund(RefundPayment refund, PaymentState state) {
        String payment = "Payment " + refund.paymentId();
        if (!state.exists()) {
            return Decision.reject(payment + " does not exist.");
        }
        if (!state.orderId().equals(refund.orderId())) {
            return Decision.reject(payment + " belongs to order " + state.orderId() + ", not to order "
                    + refund.orderId() + ".");
        }
        if (state.status() == PaymentStatus.REFUNDED) {
            return Decision.reject(payment + " is already fully refunded.");
        }
        if (refund.amount().compareTo(state.refundable()) > 0) {
            return Decision.reject("Cannot refund " + Money.format(refund.amount()) + " of payment "
                    + refund.paymentId() + ": only " + Money.format(state.refundable()) + " is left to refund.");
        }
        return Decision.accept(new PaymentRefunded(refund.paymentId(), refund.orderId(), refund.amount(),
                refund.reason()));
    }

    @Override
    public PaymentState evolve(PaymentState state, PaymentEvent event) {
        if (event instanceof PaymentCaptured captured) {
            return state.captured(captured);
        }
        if (event instanceof PaymentRefunded refunded) {
            return state.refunded(refunded);
        }
        throw new IllegalArgumentException("not a payment event: " + event);
    }
}
