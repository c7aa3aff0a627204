package io.eventscope.engine.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 file from growing while durable commits run. Every commit writes a new
 * copy-on-write chunk; with {@code WRITE_DELAY 0} H2 starts no background thread, so nothing
 * rewrites the sparse chunks left behind and the file grows by a chunk per commit (about
 * 25 KB per single append). This does that housekeeping on the thread that just committed,
 * and only when the file has dead space to win back: every {@link #COMMITS_PER_CHECK}
 * commits it reads the share of the chunks' bytes that is still live, and when that is under
 * {@link #TARGET_FILL_RATE} it rewrites up to {@link #REWRITE_BYTES} of the live pages of the
 * emptiest, oldest chunks and commits them in a chunk of their own (pages that rarely change
 * kept apart from the ones every append rewrites, so they are not moved again and again).
 * Fewer, fuller chunks also make every commit cheaper: a commit updates the metadata of the
 * chunks it frees pages in. Databases other than an H2 file need none of this.
 */
final class FileHousekeeping {
    /** Rewrite when less than this share of the chunks' bytes is live: the file stays under about twice its live data. */
    static final int TARGET_FILL_RATE = 60;
    private static final int COMMITS_PER_CHECK = 16;
    /** Live bytes rewritten per round: enough to keep up with the dead space 16 single appends leave. */
    private static final int REWRITE_BYTES = 512 << 10;

    private final MVStore store;
    private int commits;

    private FileHousekeeping(MVStore store) {
        this.store = store;
    }

    /** Housekeeping for the file behind {@code c}, or one that does nothing for other databases. */
    static FileHousekeeping of(Connection c, String url) throws SQLException {
        if (!url.startsWith("jdbc:h2:file:")) {
            return new FileHousekeeping(null);
        }
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        return new FileHousekeeping(session.getDatabase().getStore().getMvStore());
    }

    /** Called after each commit of the event store (under its writer lock) or of its filter indexer. */
    void afterCommit() {
        if (store == null || ++commits < COMMITS_PER_CHECK || store.isClosed()) {
            return;
        }
        commits = 0;
        try {
            // compact() reads the live share first and does nothing above the target; the
            // store's writer and its filter indexer each keep house, one at a time.
            synchronized (store) {
                if (store.compact(TARGET_FILL_RATE, REWRITE_BYTES)) {
                    store.commit();
                }
            }
        } catch (RuntimeException e) {
            // The appends are committed; a store that cannot rewrite fails the next append loudly.
            // The logger is fetched only here: starting logging would cost every store open a fifth of a second.
            LoggerFactory.getLogger(FileHousekeeping.class).warn("Housekeeping of {} failed; the file may grow until it is reopened", store.getFileStore().getFileName(), e);
        }
    }
}
