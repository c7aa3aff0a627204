-- PostgreSQL only. Every append transaction starts with LOCK TABLE append_lock IN EXCLUSIVE MODE,
-- which serialises the appends of every process on this store. It was an advisory lock, which
-- any role can take, the SQL console's SELECT-only role included: one typed query could hold it
-- and stop every append. This lock mode needs UPDATE, DELETE or TRUNCATE on the table; the
-- console's role may only SELECT it, which takes ACCESS SHARE, the one mode EXCLUSIVE lets by.
-- The table stays empty: nothing vacuums or indexes it, so nothing else ever waits on it.
CREATE TABLE append_lock (unused BOOLEAN);
