package io.eventscope.engine.projection;

/** How a rebuild ended: swapped in as {@code generation} at {@code checkpoint}, or cancelled (nothing changed). */
public record RebuildReport(String name, boolean completed, int generation, long checkpoint, long millis) {
}
