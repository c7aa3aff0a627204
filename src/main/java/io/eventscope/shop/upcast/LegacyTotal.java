package io.eventscope.shop.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;

/** The reshaping both money upcasters share: the bare {@code total} of old events becomes {@code amount} + {@code currency}. */
final class LegacyTotal {
    /** Every price before currencies were recorded was in euros. */
    static final String LEGACY_CURRENCY = "EUR";

    private LegacyTotal() {
    }

    /** A copy of {@code data} with {@code total} replaced, in the same place, by {@code amount} and {@code currency}. */
    static ObjectNode toAmount(JsonNode data, String eventDescription) {
        JsonNode total = data.get("total");
        if (total == null || !total.isNumber()) {
            throw new IllegalArgumentException(eventDescription + " needs a numeric 'total', found "
                    + (total == null ? "none" : total.getNodeType().toString().toLowerCase() + " " + total));
        }
        ObjectNode next = Json.object();
        data.fields().forEachRemaining(field -> {
            if (field.getKey().equals("total")) {
                next.put("amount", total.decimalValue());
                next.put("currency", LEGACY_CURRENCY);
            } else {
                next.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return next;
    }
}
