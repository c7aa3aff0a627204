package io.eventscope.engine.store.jdbc;

/**
 * How the filter index groups positions: aligned blocks of {@value #SIZE}, indexed only once
 * whole, so each block's rows are written once and never changed.
 */
final class PositionBlocks {
    static final int SIZE = 512;

    private PositionBlocks() {
    }

    /** The first position of the block holding {@code position}. */
    static long start(long position) {
        return (position - 1) / SIZE * SIZE + 1;
    }

    /** The last position of the last whole block up to {@code head}. */
    static long wholeUpTo(long head) {
        return head / SIZE * SIZE;
    }
}
