package io.eventscope.engine.io;

import java.util.List;

/** The parts of a case file ({@code .escase}, a zip), by name; nothing else may be in one. */
final class CaseParts {
    static final String MANIFEST = "manifest.json";
    static final String EVENTS = "events.ndjson";
    static final String JOURNAL = "journal.ndjson";
    static final String UPCASTERS = "upcasters.json";
    static final String README = "README.md";
    /** The parts the manifest lists with their sha256: all but itself. */
    static final List<String> HASHED = List.of(EVENTS, JOURNAL, UPCASTERS, README);
    static final String FORMAT = "eventscope-case";
    static final int FORMAT_VERSION = 1;

    private CaseParts() {
    }
}
