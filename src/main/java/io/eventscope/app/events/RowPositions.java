package io.eventscope.app.events;

import java.util.Arrays;

/**
 * Which global position each table row shows. Unfiltered, row i is position i + 1 (the log has
 * no gaps), so nothing is stored; filtered, the matching positions are kept in a growing
 * {@code long[]} (8 MB for a million matches).
 */
final class RowPositions {
    private long[] listed;
    private int size;

    private RowPositions(long[] listed, int size) {
        this.listed = listed;
        this.size = size;
    }

    static RowPositions contiguous(long head) {
        return new RowPositions(null, Math.toIntExact(head));
    }

    static RowPositions listed(long[] positions, int size) {
        return new RowPositions(positions, size);
    }

    int size() {
        return size;
    }

    long at(int row) {
        return listed == null ? row + 1L : listed[row];
    }

    /** The row showing a position, or -1 when no row does. */
    int rowOf(long position) {
        if (listed == null) {
            return position >= 1 && position <= size ? (int) (position - 1) : -1;
        }
        int found = Arrays.binarySearch(listed, 0, size, position);
        return found >= 0 ? found : -1;
    }

    /** Up to {@code count} positions from the row showing {@code fromPosition} on. */
    long[] slice(long fromPosition, int count) {
        int row = rowOf(fromPosition);
        if (row < 0) {
            return new long[0];
        }
        long[] out = new long[Math.min(count, size - row)];
        for (int i = 0; i < out.length; i++) {
            out[i] = at(row + i);
        }
        return out;
    }

    void append(long position) {
        if (listed == null) {
            if (position != size + 1L) {
                throw new IllegalStateException("the log skipped from " + size + " to " + position);
            }
        } else {
            if (size == listed.length) {
                listed = Arrays.copyOf(listed, Math.max(16, size * 2));
            }
            listed[size] = position;
        }
        size++;
    }
}
