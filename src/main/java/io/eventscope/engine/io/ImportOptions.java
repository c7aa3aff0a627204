package io.eventscope.engine.io;

import java.nio.file.Path;

/**
 * How to import: atomically (one bad line and nothing is imported) or partially (good lines
 * are imported, bad ones copied to {@code rejects} when given), the longest line accepted, and
 * how many events go into one {@code appendAll}.
 */
public record ImportOptions(boolean partial, Path rejects, int maxLineBytes, int batchSize) {
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    public static final ImportOptions ATOMIC = new ImportOptions(false, null, DEFAULT_MAX_LINE_BYTES, DEFAULT_BATCH_SIZE);

    public ImportOptions {
        if (rejects != null && !partial) {
            throw new IllegalArgumentException("a rejects file only makes sense with a partial import");
        }
        if (maxLineBytes < 1 || batchSize < 1) {
            throw new IllegalArgumentException("maxLineBytes and batchSize must be positive");
        }
    }

    public static ImportOptions partial(Path rejects) {
        return new ImportOptions(true, rejects, DEFAULT_MAX_LINE_BYTES, DEFAULT_BATCH_SIZE);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(partial, rejects, maxLineBytes, size);
    }
}
