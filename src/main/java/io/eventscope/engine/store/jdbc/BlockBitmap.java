package io.eventscope.engine.store.jdbc;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;

/**
 * How the text index keeps which positions of a block hold a word: the offsets, two bytes
 * each, while few hold it (most words: ids held by one order's events), else a bitmap of the
 * whole block. Whichever is shorter; a value as long as the bitmap is the bitmap.
 */
final class BlockBitmap {
    static final int DENSE_BYTES = PositionBlocks.SIZE / 8;

    private BlockBitmap() {
    }

    static byte[] encode(BitSet offsets) {
        int count = offsets.cardinality();
        if (count * 2 >= DENSE_BYTES) {
            return Arrays.copyOf(offsets.toByteArray(), DENSE_BYTES);
        }
        ByteBuffer sparse = ByteBuffer.allocate(count * 2);
        for (int i = offsets.nextSetBit(0); i >= 0; i = offsets.nextSetBit(i + 1)) {
            sparse.putShort((short) i);
        }
        return sparse.array();
    }

    static BitSet decode(byte[] value) {
        if (value.length == DENSE_BYTES) {
            return BitSet.valueOf(value);
        }
        BitSet offsets = new BitSet(PositionBlocks.SIZE);
        ByteBuffer sparse = ByteBuffer.wrap(value);
        while (sparse.hasRemaining()) {
            offsets.set(sparse.getShort());
        }
        return offsets;
    }
}
