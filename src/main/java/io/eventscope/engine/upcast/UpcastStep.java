package io.eventscope.engine.upcast;

/** One link of a chain: which upcaster ran and the payload it produced. */
public record UpcastStep(String upcaster, VersionedPayload result) {
}
