package io.eventscope.shop.upcast;

import io.eventscope.engine.upcast.UpcasterChain;

/**
 * The shop's schema history. Current shapes: OrderCreated v3
 * {orderId, userId, items, amount, currency, shippingAddress} and PaymentCaptured v2
 * {paymentId, orderId, amount, currency}.
 */
public final class ShopUpcasters {
    public static final int ORDER_CREATED_CURRENT = 3;
    public static final int PAYMENT_CAPTURED_CURRENT = 2;

    private ShopUpcasters() {
    }

    public static UpcasterChain chain() {
        return UpcasterChain.of(
                new OrderCreatedAddsShippingAddress(),
                new OrderCreatedSplitsTotal(),
                new PaymentProcessedBecomesCaptured());
    }
}
