package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStoreContract;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StreamInfo;
import io.eventscope.engine.store.Stores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2FileEventStoreTest extends EventStoreContract {
    @TempDir
    Path dir;

    @Override
    protected OpenStore openEmpty() {
        return Stores.open(dir.resolve("contract").toString());
    }

    @Test
    void aReopenedFileStoreHasEverythingAndContinuesWhereItStopped() {
        append("order-1", ExpectedVersion.NO_STREAM, event("A", "{\"n\":1}"), event("B", "{}"));
        append("order-2", ExpectedVersion.NO_STREAM, event("A", "{}"));
        List<EventEnvelope> before = readAll();
        open.close();

        open = Stores.open(dir.resolve("contract.mv.db").toString());
        store = open.store();
        assertThat(readAll()).isEqualTo(before);
        assertThat(store.streams()).containsExactly(new StreamInfo("order-1", 2), new StreamInfo("order-2", 1));
        assertThat(append("order-1", ExpectedVersion.exactly(2), event("C", "{}")).position()).isEqualTo(4);
        assertThat(store.read(EventFilter.type("C"), 1, 10, Direction.FORWARDS)).hasSize(1);
        assertThat(dir.resolve("contract.mv.db")).exists();
    }
}
