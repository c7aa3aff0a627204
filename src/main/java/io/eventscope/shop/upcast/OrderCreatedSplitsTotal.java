package io.eventscope.shop.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.upcast.Upcaster;

/** OrderCreated v2 -> v3: {@code total} becomes {@code amount} + {@code currency} ("EUR" for every old order). */
public final class OrderCreatedSplitsTotal implements Upcaster {

    @Override
    public String eventType() {
        return "OrderCreated";
    }

    @Override
    public int fromSchemaVersion() {
        return 2;
    }

    @Override
    public JsonNode upcast(JsonNode data) {
        return LegacyTotal.toAmount(data, "OrderCreated v2");
    }
}
