package io.eventscope.engine.domain;

/**
 * A command's PENDING journal entry held as being handled (see {@link CommandJournal#handling}):
 * closing it, or the handler's process dying, lets a settler take the entry.
 */
@FunctionalInterface
public interface HandlingClaim extends AutoCloseable {
    @Override
    void close();
}
