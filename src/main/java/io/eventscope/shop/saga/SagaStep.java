package io.eventscope.shop.saga;

/** The forward steps of the order saga, in order, with the service that does each. */
public enum SagaStep {
    RESERVE("inventory"),
    CHARGE("payment"),
    SHIP("shipping");

    private final String service;

    SagaStep(String service) {
        this.service = service;
    }

    public String service() {
        return service;
    }
}
