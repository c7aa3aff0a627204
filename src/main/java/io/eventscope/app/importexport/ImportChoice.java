package io.eventscope.app.importexport;

import io.eventscope.engine.io.ImportOptions;
import java.nio.file.Path;

/**
 * How a person asked to import a file.
 *
 * @param eventBridge lines are events as EventBridge delivers them, not Eventscope envelopes
 * @param partial     import the good lines and write the bad ones to {@code rejects}; else all or nothing
 */
public record ImportChoice(boolean eventBridge, boolean partial, Path rejects) {

    public ImportChoice {
        if (partial && rejects == null) {
            throw new IllegalArgumentException("Name the file the rejected lines go to");
        }
    }

    /** All or nothing, Eventscope envelopes: the default. */
    public static ImportChoice atomic() {
        return new ImportChoice(false, false, null);
    }

    ImportOptions options() {
        return partial ? ImportOptions.partial(rejects) : ImportOptions.ATOMIC;
    }

    /** "orders.ndjson" gets "orders.rejects.ndjson" beside it. */
    public static Path rejectsFileFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(base + ".rejects.ndjson");
    }
}
