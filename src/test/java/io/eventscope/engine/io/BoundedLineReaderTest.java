package io.eventscope.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static List<String> read(InputStream in, int max) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(in, max);
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            ByteBuffer b = reader.bytes();
            String text = StandardCharsets.UTF_8.decode(b).toString();
            lines.add(reader.lineNumber() + (reader.tooLong() ? " TOO LONG " + reader.lineLength() + " " : " ") + text);
        }
        return lines;
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsOnNewlinesDropsCarriageReturnsAndKeepsALastLineWithoutBreak() throws IOException {
        assertThat(read(bytes("a\r\n\nbc\nlast"), 100)).containsExactly("1 a", "2 ", "3 bc", "4 last");
        assertThat(read(bytes("a\n"), 100)).containsExactly("1 a");
        assertThat(read(bytes(""), 100)).isEmpty();
    }

    @Test
    void aLineOverTheLimitIsFlaggedAndOnlyItsStartKept() throws IOException {
        assertThat(read(bytes("short\n" + "x".repeat(10) + "\nafter"), 4))
                .containsExactly("1 TOO LONG 5 shor", "2 TOO LONG 10 xxxx", "3 TOO LONG 5 afte");
        assertThat(read(bytes("abcd\n"), 4)).containsExactly("1 abcd");
    }

    /** A 200 MB line that is never materialised: the reader keeps 1 KB and counts the rest. */
    @Test
    void aHugeLineIsSkippedWithoutBeingHeld() throws IOException {
        long huge = 200L * 1024 * 1024;
        InputStream endless = new InputStream() {
            long left = huge;

            @Override
            public int read() {
                return left-- > 0 ? 'y' : left == -1 ? '\n' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left < 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                if (n == 0) {
                    b[off] = '\n';
                    left = -1;
                    return 1;
                }
                java.util.Arrays.fill(b, off, off + n, (byte) 'y');
                left -= n;
                return n;
            }
        };
        BoundedLineReader reader = new BoundedLineReader(endless, 1024);

        assertThat(reader.next()).isTrue();
        assertThat(reader.tooLong()).isTrue();
        assertThat(reader.lineLength()).isEqualTo(huge);
        assertThat(reader.bytes().remaining()).isEqualTo(1024);
        assertThat(reader.bytesRead()).isEqualTo(huge + 1);
        assertThat(reader.next()).isFalse();
    }
}
