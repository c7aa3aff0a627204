package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreContract;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.util.UUID;

class H2MemoryEventStoreTest extends EventStoreContract {
    @Override
    protected OpenStore openEmpty() {
        return Stores.open("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}
