package io.eventscope.shop.saga;

/**
 * Who decides what happens next: one orchestrator reading the saga's log, or the services
 * themselves, each reacting to the events of the others.
 */
public enum SagaMode {
    ORCHESTRATION,
    CHOREOGRAPHY;

    public String label() {
        return name().toLowerCase();
    }
}
