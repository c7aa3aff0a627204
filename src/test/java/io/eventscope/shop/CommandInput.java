package io.eventscope.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.eventscope.engine.event.Json;

/** Reads a command from JSON as the engine does, to check what a person typing it would be told. */
public final class CommandInput {
    private CommandInput() {
    }

    public static <T> T parse(String json, Class<T> type) throws JsonProcessingException {
        return Json.MAPPER.treeToValue(Json.parse(json), type);
    }

    /** The reason the command record gives for refusing the JSON. */
    public static String refusal(String json, Class<?> type) {
        try {
            parse(json, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                return cause.getMessage();
            }
            throw new AssertionError("refused, but not by the record's validation: " + e.getMessage(), e);
        }
        throw new AssertionError(type.getSimpleName() + " accepted " + json);
    }
}
