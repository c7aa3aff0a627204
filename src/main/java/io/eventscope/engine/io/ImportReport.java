package io.eventscope.engine.io;

import java.util.List;

/**
 * What an import did. {@code errors} lists the first {@link NdjsonImporter#MAX_LISTED_ERRORS}
 * bad lines, {@code rejected} counts them all. {@code failure} is set when the store refused a
 * batch after validation passed (a concurrent writer, a full disk): {@code imported} then says
 * how many events, from the top of the file, are in the store. {@code alreadyStored} counts
 * lines whose event was stored before with the same content (an earlier run of the same
 * import that did not finish): they are skipped, so running an import again finishes it.
 */
public record ImportReport(
        String file,
        long lines,
        long imported,
        long alreadyStored,
        long rejected,
        List<LineError> errors,
        boolean cancelled,
        String failure) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /** True when every line was imported. */
    public boolean complete() {
        return rejected == 0 && !cancelled && failure == null;
    }
}
