package io.eventscope.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads a byte stream line by line ({@code \n}, with an optional {@code \r} before it) without
 * ever holding more than {@code maxLineBytes} of a line: the rest of a longer line is skipped
 * and the line is flagged, so a 10 MB line costs a 1 MB buffer, not 10 MB.
 */
public final class BoundedLineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkLength;
    private int chunkPosition;
    private byte[] line = new byte[1024];
    private int lineLength;
    private long lineBytes;
    private long lineNumber;
    private long bytesRead;
    private boolean endOfInput;

    public BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Moves to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        lineLength = 0;
        lineBytes = 0;
        boolean sawAnything = false;
        while (true) {
            if (chunkPosition == chunkLength) {
                if (endOfInput || !fill()) {
                    if (sawAnything) {
                        lineNumber++;
                        stripCarriageReturn();
                    }
                    return sawAnything;
                }
            }
            sawAnything = true;
            int start = chunkPosition;
            int end = start;
            while (end < chunkLength && chunk[end] != '\n') {
                end++;
            }
            keep(start, end - start);
            boolean newline = end < chunkLength;
            chunkPosition = newline ? end + 1 : end;
            bytesRead += chunkPosition - start;
            if (newline) {
                lineNumber++;
                stripCarriageReturn();
                return true;
            }
        }
    }

    /** The 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** True when the current line was longer than the limit; its bytes are then only the first part. */
    public boolean tooLong() {
        return lineBytes > maxLineBytes;
    }

    /** The length of the current line in bytes, without its line break, even when it was too long to keep. */
    public long lineLength() {
        return lineBytes;
    }

    /** The kept bytes of the current line, valid until the next call of {@link #next()}. */
    public ByteBuffer bytes() {
        return ByteBuffer.wrap(line, 0, lineLength);
    }

    /** Bytes consumed so far, line breaks included: for progress against the file size. */
    public long bytesRead() {
        return bytesRead;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk);
        while (n == 0) {
            n = in.read(chunk);
        }
        if (n < 0) {
            endOfInput = true;
            chunkLength = 0;
            chunkPosition = 0;
            return false;
        }
        chunkLength = n;
        chunkPosition = 0;
        return true;
    }

    private void keep(int from, int count) {
        lineBytes += count;
        int room = maxLineBytes - lineLength;
        int kept = Math.min(count, Math.max(room, 0));
        if (kept > 0) {
            if (lineLength + kept > line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, lineLength + kept)));
            }
            System.arraycopy(chunk, from, line, lineLength, kept);
            lineLength += kept;
        }
    }

    private void stripCarriageReturn() {
        if (!tooLong() && lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
            lineBytes--;
        }
    }
}
