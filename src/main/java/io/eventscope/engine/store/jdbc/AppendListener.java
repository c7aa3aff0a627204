package io.eventscope.engine.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on one connection and runs a callback for every batch of notifications: how a
 * store learns that another process has appended. A lost connection is opened again; the
 * callback runs after each (re)start, since notifications sent meanwhile are gone.
 */
final class AppendListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppendListener.class);
    /** How long one wait for notifications lasts: bounds how long closing takes. */
    private static final int WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 2_000;

    private final Database db;
    private final String channel;
    private final Runnable appended;
    private volatile boolean closed;

    private AppendListener(Database db, String channel, Runnable appended) {
        this.db = db;
        this.channel = channel;
        this.appended = appended;
    }

    static AppendListener start(Database db, String channel, Runnable appended) {
        AppendListener listener = new AppendListener(db, channel, appended);
        Thread thread = new Thread(listener::run, "listen-" + channel);
        thread.setDaemon(true);
        thread.start();
        return listener;
    }

    private void run() {
        while (!closed) {
            try (Connection c = db.connection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                appended.run();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0 && !closed) {
                        appended.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("Lost the notifications of {}, listening again in {} ms: {}", db.describe(),
                            RETRY_MILLIS, Database.rootMessage(e));
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
