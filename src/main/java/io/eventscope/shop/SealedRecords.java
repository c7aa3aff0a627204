package io.eventscope.shop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record classes a sealed interface permits, by simple name. The shop names its commands
 * and events after their records (CreateOrder, OrderCreated), so the sealed interface is the
 * one list of them.
 */
public final class SealedRecords {
    private SealedRecords() {
    }

    public static <T> Map<String, Class<? extends T>> byName(Class<T> sealed) {
        if (!sealed.isSealed()) {
            throw new IllegalArgumentException(sealed.getName() + " is not a sealed interface");
        }
        Map<String, Class<? extends T>> byName = new LinkedHashMap<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (!permitted.isRecord()) {
                throw new IllegalArgumentException(permitted.getName() + " is not a record");
            }
            byName.put(permitted.getSimpleName(), permitted.asSubclass(sealed));
        }
        return Collections.unmodifiableMap(byName);
    }
}
