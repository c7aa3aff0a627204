package io.eventscope.cli.bench;

import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.Database;
import java.nio.file.Path;

/**
 * What benchmark steps share: the working folder, the size asked for, an H2 file store that
 * the first step loads and later ones read, and a second database with the identical schema
 * for the plain-JDBC baselines.
 */
public final class BenchContext implements AutoCloseable {
    private final Path dir;
    private final long events;
    private OpenStore store;
    private Database raw;
    private long loadedOrders;

    public BenchContext(Path dir, long events) {
        this.dir = dir;
        this.events = events;
    }

    public Path dir() {
        return dir;
    }

    /** How many events the loaded store should hold. */
    public long events() {
        return events;
    }

    /** The H2 file store under test. */
    public OpenStore store() {
        if (store == null) {
            store = Stores.open(dir.resolve("store").toString());
        }
        return store;
    }

    /** A database of its own with the same schema and settings, for plain JDBC baselines. */
    public Database raw() {
        if (raw == null) {
            raw = Database.open("jdbc:h2:file:" + dir.resolve("raw"));
        }
        return raw;
    }

    /** Orders of {@link ShopLikeEvents} in the store, numbered from 0. */
    long loadedOrders() {
        return loadedOrders;
    }

    void addLoadedOrders(long orders) {
        loadedOrders += orders;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        if (raw != null) {
            raw.close();
        }
    }
}
