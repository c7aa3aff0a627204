package io.eventscope.shop.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.upcast.Upcaster;

/**
 * PaymentProcessed v1 -> PaymentCaptured v2: the event was renamed when refunds arrived
 * ("processed" no longer said whether money had moved), and its {@code total} became
 * {@code amount} + {@code currency}.
 */
public final class PaymentProcessedBecomesCaptured implements Upcaster {

    @Override
    public String eventType() {
        return "PaymentProcessed";
    }

    @Override
    public int fromSchemaVersion() {
        return 1;
    }

    @Override
    public String toEventType() {
        return "PaymentCaptured";
    }

    @Override
    public JsonNode upcast(JsonNode data) {
        return LegacyTotal.toAmount(data, "PaymentProcessed v1");
    }
}
