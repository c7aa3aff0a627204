package io.eventscope.engine.store;

class InMemoryEventStoreTest extends EventStoreContract {
    @Override
    protected OpenStore openEmpty() {
        return Stores.open("memory");
    }
}
