package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.eventscope.engine.event.Json;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a command's JSON payload into its record, explaining a bad payload by field path. */
public final class CommandPayloads {
    private CommandPayloads() {
    }

    /** The command record for a payload, or an {@link InvalidCommandException} naming the bad field. */
    public static <C> C read(JsonNode payload, Class<C> type) {
        if (!payload.isObject()) {
            throw new InvalidCommandException("the payload must be a JSON object, was " + payload.getNodeType(), null);
        }
        try {
            rejectUnknownFields(payload, type, "");
            return Json.MAPPER.treeToValue(payload, type);
        } catch (ValueInstantiationException e) {
            // The record's constructor refused a value; its message already says which and why.
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new InvalidCommandException(prefixed(path(e.getPath()), why.getMessage()), e);
        } catch (JsonMappingException e) {
            String field = path(e.getPath());
            String where = field.isEmpty() ? "the payload" : field;
            throw new InvalidCommandException("invalid value for " + where + ": " + firstSentence(e.getOriginalMessage()), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidCommandException("invalid payload: " + e.getMessage(), e);
        }
    }

    /**
     * Stricter than stored events, which may carry fields a newer writer added: in a command a
     * misspelt field ("shippingAdress") is a mistake to name, not to drop. Checked before
     * binding, because a record's constructor would otherwise complain about the missing
     * field first.
     */
    private static void rejectUnknownFields(JsonNode node, Class<?> type, String path) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        Map<String, RecordComponent> known = new TreeMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            known.put(c.getName(), c);
        }
        node.fields().forEachRemaining(field -> {
            RecordComponent component = known.get(field.getKey());
            if (component == null) {
                throw new InvalidCommandException("unknown field " + path + field.getKey()
                        + " (known: " + String.join(", ", known.keySet()) + ")", null);
            }
            JsonNode value = field.getValue();
            String here = path + field.getKey();
            rejectUnknownFields(value, component.getType(), here + ".");
            if (value.isArray() && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                for (int i = 0; i < value.size(); i++) {
                    rejectUnknownFields(value.get(i), element, here + "[" + i + "].");
                }
            }
        });
    }

    /** {@code items[1].quantity} from Jackson's reference chain. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String prefixed(String path, String message) {
        return path.isEmpty() || (message != null && message.startsWith(path)) ? message : path + ": " + message;
    }

    private static String firstSentence(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
