package io.eventscope.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * The lines of an import file, read and parsed on a second thread while the caller checks or
 * appends the lines before them (parsing is a third of an import): as JSON trees, or on to
 * events or whatever the given line format makes of a tree. Lines come in
 * order; at most a few chunks of lines are ahead, each of at most {@value #CHUNK_LINES} lines
 * or about {@value #CHUNK_BYTES} bytes, so memory does not grow with the file. A failure to
 * read the file is thrown to the caller where the line it stopped at is due. Not thread-safe:
 * one caller.
 */
final class ParsedLines<T> implements AutoCloseable {
    private static final int CHUNK_LINES = 500;
    private static final int CHUNK_BYTES = 1 << 20;
    private static final int CHUNKS_AHEAD = 4;

    /**
     * One line: its 1-based number, the bytes of the file read up to its end, its length without
     * the line break, and either what the line format made of it or what is wrong with it;
     * neither for a blank line or one the caller said to skip.
     */
    record Line<T>(long number, long bytesRead, long length, T value, String error) {
    }

    /** A chunk of lines, or the end of the file, or the failure that stopped the reading. */
    private record Chunk<T>(List<Line<T>> lines, Throwable failure) {
    }

    private final Chunk<T> end = new Chunk<>(List.of(), null);
    private final BlockingQueue<Chunk<T>> ahead = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private List<Line<T>> current = List.of();
    private int next;
    private boolean ended;

    private ParsedLines(Path file, int maxLineBytes, Function<JsonNode, T> lineFormat, LongPredicate skip) {
        reader = new Thread(() -> read(file, maxLineBytes, lineFormat, skip), "eventscope-import-lines");
        reader.setDaemon(true);
    }

    /**
     * Starts reading {@code file}; lines whose number {@code skip} accepts are passed over
     * unparsed. {@code lineFormat} runs on the reading thread and throws {@link InvalidLineException}.
     */
    static <T> ParsedLines<T> open(Path file, int maxLineBytes, Function<JsonNode, T> lineFormat, LongPredicate skip) {
        ParsedLines<T> lines = new ParsedLines<>(file, maxLineBytes, lineFormat, skip);
        lines.reader.start();
        return lines;
    }

    /** The next line, or null at the end of the file. */
    Line<T> next() throws IOException {
        while (next == current.size()) {
            if (ended) {
                return null;
            }
            Chunk<T> chunk = take();
            if (chunk.failure() != null) {
                ended = true;
                throw rethrown(chunk.failure());
            }
            ended = chunk == end;
            current = chunk.lines();
            next = 0;
        }
        return current.get(next++);
    }

    private void read(Path file, int maxLineBytes, Function<JsonNode, T> lineFormat, LongPredicate skip) {
        try (InputStream in = Files.newInputStream(file)) {
            BoundedLineReader lines = new BoundedLineReader(in, maxLineBytes);
            JsonLineParser parser = new JsonLineParser();
            List<Line<T>> chunk = new ArrayList<>();
            long chunkBytes = 0;
            while (!closed && lines.next()) {
                chunk.add(parse(lines, parser, maxLineBytes, lineFormat, skip));
                chunkBytes += Math.min(lines.lineLength(), maxLineBytes);
                if (chunk.size() == CHUNK_LINES || chunkBytes >= CHUNK_BYTES) {
                    hand(new Chunk<>(chunk, null));
                    chunk = new ArrayList<>();
                    chunkBytes = 0;
                }
            }
            hand(new Chunk<>(chunk, null));
            hand(end);
        } catch (IOException | RuntimeException | Error e) {
            hand(new Chunk<>(List.of(), e));
        }
    }

    private static <T> Line<T> parse(BoundedLineReader lines, JsonLineParser parser, int maxLineBytes,
                                     Function<JsonNode, T> lineFormat, LongPredicate skip) {
        long number = lines.lineNumber();
        if (lines.lineLength() == 0 || skip.test(number)) {
            return new Line<>(number, lines.bytesRead(), lines.lineLength(), null, null);
        }
        if (lines.tooLong()) {
            return new Line<>(number, lines.bytesRead(), lines.lineLength(), null, "line is " + lines.lineLength()
                    + " bytes long, more than the limit of " + maxLineBytes);
        }
        try {
            return new Line<>(number, lines.bytesRead(), lines.lineLength(), lineFormat.apply(parser.parse(lines.bytes())),
                    null);
        } catch (InvalidLineException e) {
            return new Line<>(number, lines.bytesRead(), lines.lineLength(), null, e.getMessage());
        }
    }

    /** Waits for room ahead; gives up once the caller has closed. */
    private void hand(Chunk<T> chunk) {
        try {
            while (!ahead.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next chunk; an interrupt of the caller is kept for later, as a plain read of the file would. */
    private Chunk<T> take() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return ahead.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IOException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IOException(failure.getMessage(), failure);
    }

    /** Stops the reading and waits until the file is closed. */
    @Override
    public void close() {
        closed = true;
        ahead.clear();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
