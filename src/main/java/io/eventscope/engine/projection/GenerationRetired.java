package io.eventscope.engine.projection;

/**
 * The generation a writer applies to is no longer live nor being built: a rebuild (perhaps
 * in another process on a shared store) swapped in another and dropped it. Not the event's
 * fault, so nothing parks; whoever follows the read model moves to the live generation.
 */
final class GenerationRetired extends RuntimeException {
    GenerationRetired(Generation generation) {
        super(generation.schema() + " was replaced by a rebuild");
    }
}
