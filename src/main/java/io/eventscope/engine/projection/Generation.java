package io.eventscope.engine.projection;

/**
 * One build of a read model: its tables live in their own schema. The live generation answers
 * queries; a rebuild or an as-of build fills another, so the live one is never half-written.
 * Schema names come from {@link ReadModelSql#generation}.
 */
record Generation(String projection, int number, String schema) {
}
