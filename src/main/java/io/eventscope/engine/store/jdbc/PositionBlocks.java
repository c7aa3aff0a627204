package io.eventscope.engine.store.jdbc;

/**
 * How the maintained indexes (text words, time blocks) group positions: aligned blocks of
 * {@value #SIZE}, cut where an append transaction's first position falls inside one, so each
 * transaction only inserts rows of its own and never updates another's.
 */
final class PositionBlocks {
    static final int SIZE = 64;

    private PositionBlocks() {
    }

    /** The first position of the row holding {@code position}, for a transaction starting at {@code firstPosition}. */
    static long rowStart(long position, long firstPosition) {
        long blockStart = (position - 1) / SIZE * SIZE + 1;
        return Math.max(blockStart, firstPosition);
    }
}
