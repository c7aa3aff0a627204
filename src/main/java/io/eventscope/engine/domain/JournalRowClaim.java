package io.eventscope.engine.domain;

import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command being handled on a journal that processes share (PostgreSQL): a transaction of its
 * own holds a FOR KEY SHARE lock on the command's row until closed. The handler's updates of the
 * row, on other connections, do not conflict with that lock (they change no key), and the lock
 * stays on each new version of the row; a settler's FOR UPDATE does conflict, so it passes the
 * row over. When the handler's process dies, the server ends its transaction, and the entry is
 * free to settle at once. The console's read-only role cannot take such a lock (it needs the
 * right to update), so no typed query makes a dead entry look alive.
 */
final class JournalRowClaim implements HandlingClaim {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRowClaim.class);
    private static final String LOCK = "SELECT status FROM command_journal WHERE command_id = ? FOR KEY SHARE";

    private final Connection conn;
    private final String commandId;

    private JournalRowClaim(Connection conn, String commandId) {
        this.conn = conn;
        this.commandId = commandId;
    }

    /**
     * Locks the row of {@code pending}, just recorded. A settler may have taken it between the
     * record and the lock (and found no events: none are appended yet); then it is recorded
     * PENDING again, under the lock.
     */
    static JournalRowClaim hold(Database db, JournalEntry pending, Consumer<JournalEntry> record) {
        Connection conn = null;
        try {
            conn = db.connection();
            conn.setAutoCommit(false);
            while (!lockedPending(conn, pending.commandId())) {
                record.accept(pending);
            }
            return new JournalRowClaim(conn, pending.commandId());
        } catch (SQLException | RuntimeException e) {
            if (conn != null) {
                closeQuietly(conn, pending.commandId());
            }
            throw e instanceof RuntimeException r ? r : new EventStoreException("Could not hold command "
                    + pending.commandId() + " as being handled: " + e.getMessage(), e);
        }
    }

    private static boolean lockedPending(Connection conn, String commandId) throws SQLException {
        try (PreparedStatement lock = conn.prepareStatement(LOCK)) {
            lock.setString(1, commandId);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && CommandStatus.PENDING.name().equals(rs.getString(1));
            }
        }
    }

    /** Ends the lock's transaction. Should that fail, the server ends it with the connection: nothing to undo. */
    @Override
    public void close() {
        closeQuietly(conn, commandId);
    }

    private static void closeQuietly(Connection conn, String commandId) {
        try (conn) {
            conn.rollback();
        } catch (SQLException e) {
            LOG.warn("Could not release the lock on command {} (the server releases it with the connection): {}",
                    commandId, e.getMessage());
        }
    }
}
