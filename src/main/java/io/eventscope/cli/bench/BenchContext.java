package io.eventscope.cli.bench;

import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.Database;
import java.nio.file.Path;

/**
 * What benchmark steps share: the working folder, the size asked for, a store that the first
 * step loads and later ones read, and a second database with the identical schema for the
 * plain-JDBC baselines. Both are H2 files, or scratch databases on a PostgreSQL server.
 */
public final class BenchContext implements AutoCloseable {
    private final Path dir;
    private final long events;
    /** The PostgreSQL server's scratch databases, null to measure H2 files. */
    private final ScratchDatabases postgres;
    private OpenStore store;
    private Database raw;
    private OpenStore shopStore;
    private long loadedOrders;
    private long shopOrders;

    public BenchContext(Path dir, long events) {
        this(dir, events, null);
    }

    /** Measures the store on the PostgreSQL server at {@code postgresUrl} when it is not null. */
    public BenchContext(Path dir, long events, String postgresUrl) {
        this.dir = dir;
        this.events = events;
        this.postgres = postgresUrl == null ? null : new ScratchDatabases(postgresUrl);
    }

    public Path dir() {
        return dir;
    }

    /** Whether the stores under test are on a PostgreSQL server rather than H2 files. */
    public boolean onPostgres() {
        return postgres != null;
    }

    /** How many events the loaded store should hold. */
    public long events() {
        return events;
    }

    /** The store under test. */
    public OpenStore store() {
        if (store == null) {
            store = Stores.open(postgres == null ? dir.resolve("store").toString() : postgres.create("store"));
        }
        return store;
    }

    /** A database of its own with the same schema and settings, for plain JDBC baselines. */
    public Database raw() {
        if (raw == null) {
            raw = Database.open(postgres == null ? "jdbc:h2:file:" + dir.resolve("raw") : postgres.create("raw"));
        }
        return raw;
    }

    /** A store of the shop's own events ({@link ShopHistory}), for the read-model steps. */
    OpenStore shopStore() {
        if (shopStore == null) {
            shopStore = Stores.open(postgres == null ? dir.resolve("shop").toString() : postgres.create("shop"));
        }
        return shopStore;
    }

    /** Orders of {@link ShopHistory} in the shop store, numbered from 0. */
    long shopOrders() {
        return shopOrders;
    }

    void addShopOrders(long orders) {
        shopOrders += orders;
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
        if (shopStore != null) {
            shopStore.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
