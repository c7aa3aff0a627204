package io.eventscope.engine.projection;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.jdbc.Database;
import io.eventscope.engine.store.jdbc.SchemaHistory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side of one store: its projections, each with a live generation of tables that a
 * runner keeps up to date, plus rebuilds, as-of builds, the shadow check, queries and the
 * read-only console. Every read model lives in the store's database (an in-memory store gets
 * an H2 database of its own). Operations are safe to call from any thread except the FX one.
 */
public final class ReadModels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private volatile Database db;
    private final boolean ownsDatabase;
    private final EventStore store;
    private final boolean run;
    private volatile Registry registry;
    private boolean prepared;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private volatile ReadModelSql sql;
    /** The console's login, made on its first use. */
    private ReadModelSql.Login reader;

    /** One projection and what runs for it. */
    private static final class Slot {
        final Projection projection;
        volatile GenerationWriter live;
        volatile ProjectionRunner runner;
        volatile long rebuildDone;
        volatile long rebuildTotal;
        final Object rebuildLock = new Object();

        Slot(Projection projection) {
            this.projection = projection;
        }
    }

    private ReadModels(Database db, boolean ownsDatabase, EventStore store, boolean run) {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
        this.store = store;
        this.run = run;
        this.registry = db == null ? null : new Registry(db);
    }

    /**
     * Opens the read models of {@code store} (the store as projections read it, upcast) in
     * {@code db}, null for a store without a database. Each read model is created or migrated,
     * leftovers of an interrupted rebuild are dropped, and with {@code run} each live
     * projection starts following the log; without it they move only on {@link #catchUp()}.
     */
    public static ReadModels open(Database db, EventStore store, List<Projection> projections, boolean run) {
        if (projections.isEmpty()) {
            return new ReadModels(null, false, store, false);
        }
        boolean owns = db == null;
        ReadModels models = new ReadModels(db, owns, store, run);
        try {
            for (Projection p : projections) {
                if (!NAME.matcher(p.name()).matches()) {
                    throw new ProjectionException("A projection's name must be lower-case letters, digits and '_',"
                            + " starting with a letter: '" + p.name() + "'");
                }
                models.slots.put(p.name(), new Slot(p));
            }
            if (!owns) {
                models.ready();
            }
            return models;
        } catch (RuntimeException e) {
            models.close();
            throw e;
        }
    }

    /**
     * Opens what the read models need on first use. An in-memory store's read models get their
     * own H2 database then, so opening an engine on the FX thread (tests do) never waits for it.
     */
    private synchronized void ready() {
        if (prepared || slots.isEmpty()) {
            return;
        }
        try {
            if (db == null) {
                db = Database.open("jdbc:h2:mem:readmodels-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            }
            registry = new Registry(db);
            sql = ReadModelSql.of(db);
            prepare();
            prepared = true;
        } catch (SQLException | RuntimeException e) {
            throw e instanceof ProjectionException pe ? pe
                    : new ProjectionException("Could not open the read models in " + (db == null ? "memory" : db.describe())
                    + ": " + e.getMessage(), e);
        }
    }

    private void prepare() throws SQLException {
        for (Slot slot : slots.values()) {
            String name = slot.projection.name();
            Registry.Entry entry = registry.entry(name);
            Generation live;
            if (entry == null) {
                live = createGeneration(slot.projection, registry.nextGeneration(name));
                registry.insert(name, live.number());
            } else {
                live = sql.generation(name, entry.liveGeneration());
                migrate(slot.projection, live);
            }
            dropAllBut(name, live);
            try (Connection c = db.connection()) {
                sql.grantRead(c, live.schema());
            }
            slot.live = new GenerationWriter(db, sql, slot.projection, live, registry.checkpoint(name, live.number()),
                    registry.skippedPositions(name));
            if (run && entry != null && (entry.paused() || entry.parkedPosition() != null)) {
                LOG.info("Read model {} stays {}", name, entry.paused() ? "paused" : "parked at " + entry.parkedPosition());
            } else if (run) {
                startRunner(slot);
            }
        }
    }

    /** The projections' names, in the order given. */
    public List<String> names() {
        return List.copyOf(slots.keySet());
    }

    public List<ProjectionStatus> status() {
        ready();
        long head = store.headPosition();
        List<ProjectionStatus> out = new ArrayList<>();
        for (String name : slots.keySet()) {
            out.add(status(name, head));
        }
        return out;
    }

    public ProjectionStatus status(String name) {
        ready();
        return status(name, store.headPosition());
    }

    private ProjectionStatus status(String name, long head) {
        Slot slot = slot(name);
        try {
            Registry.Entry entry = follow(slot);
            ProjectionState state = entry.parkedPosition() != null ? ProjectionState.PARKED
                    : entry.paused() ? ProjectionState.PAUSED : ProjectionState.LIVE;
            return new ProjectionStatus(name, state, slot.live.generation().number(), slot.live.checkpoint(), head,
                    entry.parkedPosition(), entry.lastError(), registry.skippedPositions(name).size(),
                    slot.rebuildDone, slot.rebuildTotal);
        } catch (SQLException e) {
            throw failure("read the status of " + name, e);
        }
    }

    /** The live generation's checkpoint, from memory: cheap enough to poll for lag. */
    public long checkpoint(String name) {
        ready();
        return slot(name).live.checkpoint();
    }

    /** Stops applying events until {@link #resume}; remembered across restarts. */
    public void pause(String name) {
        ready();
        Slot slot = slot(name);
        synchronized (slot) {
            stopRunner(slot);
            try {
                registry.setPaused(name, true);
            } catch (SQLException e) {
                throw failure("pause " + name, e);
            }
        }
    }

    public void resume(String name) {
        ready();
        Slot slot = slot(name);
        synchronized (slot) {
            try {
                registry.setPaused(name, false);
                if (registry.entry(name).parkedPosition() == null && run) {
                    startRunner(slot);
                }
            } catch (SQLException e) {
                throw failure("resume " + name, e);
            }
        }
    }

    /** Tries the parked event again (and goes on from there); it may park again. */
    public void retry(String name) {
        ready();
        Slot slot = slot(name);
        synchronized (slot) {
            try {
                requireParked(name);
                registry.unpark(name);
                if (run && !registry.entry(name).paused()) {
                    startRunner(slot);
                }
            } catch (SQLException e) {
                throw failure("retry " + name, e);
            }
        }
    }

    /**
     * Skips the parked event for good: recorded with its error, never applied by this
     * projection, also not by later rebuilds. Then goes on.
     */
    public void skip(String name) {
        ready();
        Slot slot = slot(name);
        synchronized (slot) {
            try {
                Registry.Entry entry = requireParked(name);
                EventEnvelope parked = store.eventAt(entry.parkedPosition()).orElseThrow(() -> new ProjectionException(
                        "The event at position " + entry.parkedPosition() + " that parked " + name + " is not in the store"));
                Generation live = slot.live.generation();
                registry.skip(name, live.number(), parked, entry.lastError());
                slot.live = new GenerationWriter(db, sql, slot.projection, live, registry.checkpoint(name, live.number()),
                        registry.skippedPositions(name));
                if (run && !entry.paused()) {
                    startRunner(slot);
                }
            } catch (SQLException e) {
                throw failure("skip the parked event of " + name, e);
            }
        }
    }

    /**
     * Applies what the live projections (not paused, not parked) have not seen yet, here and
     * now; a failing event parks its projection as the runner would. For the command line.
     */
    public void catchUp() {
        ready();
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                String name = slot.projection.name();
                ProjectionStatus s = status(name);
                if (s.state() != ProjectionState.LIVE) {
                    continue;
                }
                if (slot.runner != null && slot.runner.running()) {
                    awaitRunner(slot, s.head());
                    continue;
                }
                try {
                    slot.live.catchUp(store, EventFilter.ALL, Long.MAX_VALUE, s.head(), ProgressMonitor.NONE);
                } catch (EventFailure f) {
                    park(name, f);
                }
            }
        }
    }

    private static void awaitRunner(Slot slot, long head) {
        while (slot.runner.running() && slot.runner.checkpoint() < head) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Rebuilds a read model from position 1 into a new generation while the live one keeps
     * answering, then swaps it in (one transaction) and drops the old one. Cancelled, failed or
     * killed half way, the live read model is untouched and the half-built one is dropped (at the
     * next open, after a kill).
     */
    public RebuildReport rebuild(String name, ProgressMonitor progress) {
        ready();
        Slot slot = slot(name);
        synchronized (slot.rebuildLock) {
            long started = System.nanoTime();
            Generation next;
            try {
                next = createGeneration(slot.projection, nextGeneration(name));
            } catch (SQLException e) {
                throw failure("start a rebuild of " + name, e);
            }
            boolean swapped = false;
            try {
                GenerationWriter writer = new GenerationWriter(db, sql, slot.projection, next, 0, registry.skippedPositions(name));
                long head = store.headPosition();
                slot.rebuildTotal = Math.max(1, head);
                ProgressMonitor tracking = tracking(slot, progress);
                if (!writer.catchUp(store, EventFilter.ALL, Long.MAX_VALUE, head, tracking)) {
                    return new RebuildReport(name, false, slot.live.generation().number(), slot.live.checkpoint(),
                            elapsedMillis(started));
                }
                synchronized (slot) {
                    boolean wasRunning = slot.runner != null && slot.runner.running();
                    stopRunner(slot);
                    writer.catchUp(store, EventFilter.ALL, Long.MAX_VALUE, head, ProgressMonitor.NONE);
                    Generation old = slot.live.generation();
                    registry.swap(name, next.number());
                    swapped = true;
                    try (Connection c = db.connection()) {
                        sql.grantRead(c, next.schema());
                    }
                    slot.live = writer;
                    if (run && (wasRunning || !registry.entry(name).paused())) {
                        startRunner(slot);
                    }
                    dropGeneration(old);
                }
                progress.progress(head, head);
                return new RebuildReport(name, true, next.number(), writer.checkpoint(), elapsedMillis(started));
            } catch (EventFailure f) {
                throw new ProjectionException("The rebuild of " + name + " stopped at " + f.getMessage()
                        + ". The live read model is unchanged.", f);
            } catch (SQLException e) {
                throw failure("rebuild " + name, e);
            } finally {
                slot.rebuildDone = 0;
                slot.rebuildTotal = 0;
                if (!swapped) {
                    dropQuietly(next);
                    synchronized (slot) {
                        restartIfWanted(slot);
                    }
                }
            }
        }
    }

    private ProgressMonitor tracking(Slot slot, ProgressMonitor progress) {
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                slot.rebuildDone = done;
                progress.progress(done, total);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }

    /**
     * Builds the read model up to {@code upTo} from the events matching {@code filter} into a
     * scratch schema of its own: what the read side said at that moment (for the rows those
     * events make). Close it to drop the schema.
     */
    public ScratchReadModel asOf(String name, long upTo, EventFilter filter) {
        ready();
        Slot slot = slot(name);
        try {
            Generation scratch = createGeneration(slot.projection, nextGeneration(name));
            ScratchReadModel model = new ScratchReadModel(this, store, filter,
                    new GenerationWriter(db, sql, slot.projection, scratch, 0, registry.skippedPositions(name)));
            try {
                model.moveTo(upTo);
                return model;
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("build " + name + " as of position " + upTo, e);
        }
    }

    /**
     * Rebuilds the read model into a scratch schema up to the live checkpoint and compares the
     * two table by table, row by row: differences mean the projection is not deterministic
     * (or the live one missed or doubled something).
     */
    public CheckReport check(String name, ProgressMonitor progress) {
        ready();
        Slot slot = slot(name);
        long head = store.headPosition();
        try (ScratchReadModel scratch = asOf(name, slot.live.checkpoint(), EventFilter.ALL)) {
            synchronized (slot) {
                boolean wasRunning = slot.runner != null && slot.runner.running();
                stopRunner(slot);
                try {
                    long at = slot.live.checkpoint();
                    scratch.moveTo(at);
                    progress.progress(at, Math.max(head, at));
                    try (Connection c = db.connection()) {
                        return ShadowCheck.compare(c, name, at, slot.live.generation().schema(), scratch.schema());
                    }
                } finally {
                    if (wasRunning) {
                        startRunner(slot);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("check " + name, e);
        }
    }

    /** Runs {@code query} on a connection whose default schema is the live generation of {@code name}. */
    public <T> T query(String name, SqlQuery<T> query) {
        ready();
        Slot slot = slot(name);
        try {
            follow(slot);
        } catch (SQLException e) {
            throw failure("find the live generation of " + name, e);
        }
        return queryIn(slot.live.generation().schema(), query);
    }

    /**
     * Moves to the generation the registry names live, should a rebuild in another process on
     * a shared store have swapped one in (and dropped the one this process was writing).
     */
    private Registry.Entry follow(Slot slot) throws SQLException {
        String name = slot.projection.name();
        Registry.Entry entry = registry.entry(name);
        if (entry.liveGeneration() == slot.live.generation().number()) {
            return entry;
        }
        synchronized (slot) {
            entry = registry.entry(name);
            if (entry.liveGeneration() != slot.live.generation().number()) {
                LOG.info("Read model {} follows generation {}, swapped in elsewhere", name, entry.liveGeneration());
                stopRunner(slot);
                Generation live = sql.generation(name, entry.liveGeneration());
                slot.live = new GenerationWriter(db, sql, slot.projection, live, registry.checkpoint(name, live.number()),
                        registry.skippedPositions(name));
                if (run && !entry.paused() && entry.parkedPosition() == null) {
                    startRunner(slot);
                }
            }
            return entry;
        }
    }

    <T> T queryIn(String schema, SqlQuery<T> query) {
        ready();
        try (Connection c = db.connection()) {
            c.setSchema(schema);
            try {
                return query.run(c);
            } finally {
                c.setSchema(sql.storeSchema());
            }
        } catch (SQLException e) {
            throw failure("query " + schema, e);
        }
    }

    /** A query against one read model's tables. */
    @FunctionalInterface
    public interface SqlQuery<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The tables of a read model's live generation, by name. */
    public List<String> tables(String name) {
        ready();
        try (Connection c = db.connection()) {
            return ShadowCheck.tables(c, slot(name).live.generation().schema());
        } catch (SQLException e) {
            throw failure("list the tables of " + name, e);
        }
    }

    /** The console: SQL typed by a person, run as a database user that may only read. */
    public ReadOnlySql console() {
        if (slots.isEmpty()) {
            throw new ProjectionException("This engine has no read models to query");
        }
        ready();
        try (Connection c = db.connection()) {
            synchronized (this) {
                if (reader == null) {
                    reader = sql.openReader(c, db.url());
                }
            }
            for (String schema : liveSchemas()) {
                sql.grantRead(c, schema);
            }
        } catch (SQLException e) {
            throw failure("prepare the SQL console's read-only login", e);
        }
        // a rebuild grants its new schema when it swaps; the console asks which are live at each query
        return new ReadOnlySql(sql, reader, this::liveSchemas);
    }

    private List<String> liveSchemas() {
        return slots.values().stream().map(s -> s.live.generation().schema()).toList();
    }

    /** Stops the runners; the database closes with its owner (or here, when it is our own). */
    @Override
    public void close() {
        slots.values().forEach(ReadModels::stopRunner);
        if (ownsDatabase && db != null) { // opened by ready()
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.debug("Shutting down the read models' database", e);
            }
            db.close();
        }
    }

    void dropScratch(Generation scratch) {
        dropQuietly(scratch);
    }

    private Slot slot(String name) {
        Slot slot = slots.get(name);
        if (slot == null) {
            throw new ProjectionException("There is no read model named '" + name + "'; the read models are "
                    + String.join(", ", slots.keySet()));
        }
        return slot;
    }

    private Registry.Entry requireParked(String name) throws SQLException {
        Registry.Entry entry = registry.entry(name);
        if (entry.parkedPosition() == null) {
            throw new ProjectionException("The read model " + name + " is not parked: nothing to retry or skip");
        }
        return entry;
    }

    private void startRunner(Slot slot) {
        if (slot.runner != null && slot.runner.running()) {
            return;
        }
        String name = slot.projection.name();
        slot.runner = new ProjectionRunner(store, slot.live, failure -> park(name, failure), checkpoint -> { });
        slot.runner.start();
    }

    private void restartIfWanted(Slot slot) {
        try {
            Registry.Entry entry = registry.entry(slot.projection.name());
            if (run && !entry.paused() && entry.parkedPosition() == null) {
                startRunner(slot);
            }
        } catch (SQLException e) {
            LOG.error("Could not restart {}", slot.projection.name(), e);
        }
    }

    private static void stopRunner(Slot slot) {
        ProjectionRunner runner = slot.runner;
        if (runner != null) {
            runner.stop();
        }
    }

    private void park(String name, EventFailure failure) {
        try {
            registry.park(name, failure.event().position(), failure.getMessage());
        } catch (SQLException e) {
            LOG.error("Could not record that {} parked at {}", name, failure.getMessage(), e);
        }
    }

    private synchronized int nextGeneration(String name) throws SQLException {
        return registry.nextGeneration(name);
    }

    private synchronized Generation createGeneration(Projection p, int number) throws SQLException {
        Generation g = sql.generation(p.name(), number);
        try (Connection c = db.connection()) {
            sql.dropSchema(c, g.schema());
        }
        migrate(p, g);
        registry.addCheckpoint(p.name(), number);
        return g;
    }

    /** Flyway only when the generation lacks a migration: starting it costs an open of the window a second or more. */
    private void migrate(Projection p, Generation g) {
        if (SchemaHistory.isCurrent(db.dataSource(), p.migrations(), g.schema(), ReadModelSql.HISTORY_TABLE)) {
            return;
        }
        Flyway.configure()
                .dataSource(db.dataSource())
                .schemas(g.schema())
                .createSchemas(true)
                .table(ReadModelSql.HISTORY_TABLE)
                .locations("classpath:" + p.migrations())
                .load()
                .migrate();
    }

    /** Drops every generation of {@code name} but the live one: leftovers of rebuilds and as-of builds. */
    private void dropAllBut(String name, Generation live) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection c = db.connection(); ResultSet rs = c.getMetaData().getSchemas()) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String prefix = sql.schemaPrefix(name);
                if (schema.startsWith(prefix) && schema.substring(prefix.length()).matches("\\d+")
                        && !schema.equals(live.schema())) {
                    schemas.add(schema);
                }
            }
        }
        for (String schema : schemas) {
            int number = Integer.parseInt(schema.substring(sql.schemaPrefix(name).length()));
            LOG.info("Dropping {}, left over from an earlier rebuild or as-of build", schema);
            dropGeneration(sql.generation(name, number));
        }
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM projection_checkpoints WHERE projection = '" + name + "' AND generation <> "
                    + live.number());
        }
    }

    private void dropGeneration(Generation g) throws SQLException {
        try (Connection c = db.connection()) {
            sql.dropSchema(c, g.schema());
        }
        registry.removeCheckpoint(g.projection(), g.number());
    }

    private void dropQuietly(Generation g) {
        try {
            dropGeneration(g);
        } catch (SQLException e) {
            LOG.warn("Could not drop {}; it goes at the next open", g.schema(), e);
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private ProjectionException failure(String what, SQLException e) {
        return new ProjectionException("Could not " + what + " in " + db.describe() + ": " + e.getMessage(), e);
    }
}
