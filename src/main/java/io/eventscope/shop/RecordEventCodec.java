package io.eventscope.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.EventCodec;
import io.eventscope.engine.event.Json;
import java.util.Map;

/**
 * Codec for events that are the records a sealed interface permits: the type name is the
 * record's simple name, the schema version its {@link SchemaVersion}, the payload its
 * components as Jackson writes them.
 */
public final class RecordEventCodec<E> implements EventCodec<E> {
    private final String family;
    private final Map<String, Class<? extends E>> types;

    public RecordEventCodec(Class<E> sealedEvents) {
        this.family = sealedEvents.getSimpleName();
        this.types = SealedRecords.byName(sealedEvents);
    }

    @Override
    public String typeName(E event) {
        return event.getClass().getSimpleName();
    }

    @Override
    public int schemaVersion(E event) {
        SchemaVersion version = event.getClass().getAnnotation(SchemaVersion.class);
        return version == null ? 1 : version.value();
    }

    @Override
    public JsonNode toJson(E event) {
        return Json.MAPPER.valueToTree(event);
    }

    @Override
    public E fromJson(String typeName, JsonNode data) {
        Class<? extends E> type = types.get(typeName);
        if (type == null) {
            throw new IllegalArgumentException(family + " has no event type '" + typeName + "'; known: " + types.keySet());
        }
        try {
            return Json.MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + typeName + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean knows(String typeName) {
        return types.containsKey(typeName);
    }
}
