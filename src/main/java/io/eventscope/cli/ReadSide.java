package io.eventscope.cli;

import io.eventscope.engine.projection.ReadModels;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.upcast.UpcastingEventStore;
import io.eventscope.shop.readmodel.ShopReadModels;
import io.eventscope.shop.upcast.ShopUpcasters;

/**
 * The shop's read models on the store named by --store, for one command: they move only when
 * the command asks ({@link ReadModels#catchUp()}), no runner follows the log in the background.
 */
final class ReadSide implements AutoCloseable {
    private final OpenStore opened;
    private final ReadModels readModels;

    private ReadSide(OpenStore opened, ReadModels readModels) {
        this.opened = opened;
        this.readModels = readModels;
    }

    static ReadSide open(StoreOption store) {
        OpenStore opened = store.open();
        try {
            return new ReadSide(opened, ReadModels.open(opened.database(),
                    new UpcastingEventStore(opened.store(), ShopUpcasters.chain()), ShopReadModels.projections(), false));
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    ReadModels readModels() {
        return readModels;
    }

    /** Read models brought up to the head first: what queries should answer from. */
    ReadModels caughtUp() {
        readModels.catchUp();
        return readModels;
    }

    @Override
    public void close() {
        try {
            readModels.close();
        } finally {
            opened.close();
        }
    }
}
