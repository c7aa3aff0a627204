package io.eventscope.shop.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.upcast.Upcaster;

/** OrderCreated v1 -> v2: orders gained a shipping address; old ones get the customer's address on file. */
public final class OrderCreatedAddsShippingAddress implements Upcaster {

    @Override
    public String eventType() {
        return "OrderCreated";
    }

    @Override
    public int fromSchemaVersion() {
        return 1;
    }

    @Override
    public JsonNode upcast(JsonNode data) {
        JsonNode userId = data.get("userId");
        if (userId == null || !userId.isTextual()) {
            throw new IllegalArgumentException("OrderCreated v1 needs a text 'userId' to find the default address");
        }
        ObjectNode next = ((ObjectNode) data).deepCopy();
        next.set("shippingAddress", DefaultShippingAddresses.forUser(userId.asText()));
        return next;
    }
}
