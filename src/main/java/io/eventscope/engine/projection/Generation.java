package io.eventscope.engine.projection;

import java.util.Locale;

/**
 * One build of a read model: its tables live in their own schema. The live generation answers
 * queries; a rebuild or an as-of build fills another, so the live one is never half-written.
 */
record Generation(String projection, int number, String schema) {

    static Generation of(String projection, int number) {
        return new Generation(projection, number, schemaPrefix(projection) + number);
    }

    /** Every generation's schema of a projection starts with this. */
    static String schemaPrefix(String projection) {
        return "RM_" + projection.toUpperCase(Locale.ROOT) + "_";
    }
}
