package io.eventscope.engine.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.eventscope.engine.event.Json;
import java.util.List;

/** Turns a command's JSON payload into its record, explaining a bad payload by field path. */
final class CommandPayloads {
    private CommandPayloads() {
    }

    static <C> C read(JsonNode payload, Class<C> type) {
        if (!payload.isObject()) {
            throw new InvalidCommandException("the payload must be a JSON object, was " + payload.getNodeType(), null);
        }
        try {
            return Json.MAPPER.treeToValue(payload, type);
        } catch (ValueInstantiationException e) {
            // The record's constructor refused a value; its message already says which and why.
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new InvalidCommandException(prefixed(path(e.getPath()), why.getMessage()), e);
        } catch (JsonMappingException e) {
            String field = path(e.getPath());
            String where = field.isEmpty() ? "the payload" : field;
            throw new InvalidCommandException("invalid value for " + where + ": " + firstSentence(e.getOriginalMessage()), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidCommandException("invalid payload: " + e.getMessage(), e);
        }
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
