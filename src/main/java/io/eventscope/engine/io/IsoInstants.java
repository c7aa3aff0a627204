package io.eventscope.engine.io;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#parse} with a fast path for the one shape {@link Instant#toString} writes,
 * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}: the formatter's general machinery cost more than the
 * JSON parse of an import line. Anything else, and any value the fast path is unsure of (a
 * leap second, an impossible date), goes to {@code Instant.parse}, so the result and the errors
 * are exactly its own.
 */
final class IsoInstants {
    private static final int DATE_TIME_LENGTH = "2026-11-20T09:15:02".length();

    private IsoInstants() {
    }

    static Instant parse(String text) {
        Instant fast = fastParse(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The instant, or null when {@code text} is not in the plain shape with values in range. */
    private static Instant fastParse(String text) {
        int length = text.length();
        if (length < DATE_TIME_LENGTH + 1 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        int fractionDigits = length - DATE_TIME_LENGTH - 2;
        if (fractionDigits >= 0) {
            if (text.charAt(DATE_TIME_LENGTH) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, DATE_TIME_LENGTH + 1, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int lengthOfMonth(int year, int month) {
        return LocalDate.of(year, month, 1).lengthOfMonth();
    }

    /** The number written by {@code count} ASCII digits from {@code start}, or -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
