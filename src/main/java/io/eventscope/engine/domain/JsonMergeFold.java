package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * The state of a stream no decider owns: each event's data merged into the state as an
 * RFC 7386 merge patch (objects merge recursively, null removes a member, anything else
 * replaces). Copy-on-write: only the objects along a changed path are copied, so earlier
 * states stay valid and cheap to keep.
 */
public final class JsonMergeFold implements StreamFold<JsonNode, JsonNode> {

    @Override
    public JsonNode initialState() {
        return Json.object();
    }

    @Override
    public JsonNode decode(EventEnvelope event) {
        return event.data();
    }

    @Override
    public JsonNode apply(JsonNode state, JsonNode patch) {
        return merge(state, patch);
    }

    @Override
    public JsonNode toJson(JsonNode state) {
        return state.deepCopy();
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = Json.object();
        if (target != null && target.isObject()) {
            // A shallow copy: untouched members are shared with the earlier state, never mutated.
            result.setAll((ObjectNode) target);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getValue().isNull()) {
                result.remove(f.getKey());
            } else {
                result.set(f.getKey(), merge(result.get(f.getKey()), f.getValue()));
            }
        }
        return result;
    }
}
