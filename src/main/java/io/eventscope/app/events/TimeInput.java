package io.eventscope.app.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the time range fields: an ISO instant, or a date and time in UTC, or a date. */
final class TimeInput {
    private TimeInput() {
    }

    /** Null for blank input; throws with a message naming the field and the accepted forms. */
    static Instant parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notAnInstant) {
            // try the friendlier forms below
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADateTime) {
            // try a bare date
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + t
                    + "' is not a time; use 2026-11-26, 2026-11-26 14:30 or 2026-11-26T14:30:00Z (UTC)");
        }
    }
}
