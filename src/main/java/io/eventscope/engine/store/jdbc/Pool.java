package io.eventscope.engine.store.jdbc;

import javax.sql.DataSource;

/** The pooled connections of one open database, and how to close them all. */
record Pool(DataSource dataSource, Runnable close) {
}
