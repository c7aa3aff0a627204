package io.eventscope.engine.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#parse} and {@link Instant#toString} with a fast path for the one shape
 * {@code toString} writes for years 0 to 9999, {@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z}:
 * the formatter's general machinery cost more than the JSON parse of an import line, and a
 * tenth of an export's writing. Anything else, and any value the fast path is unsure of (a
 * leap second, an impossible date), goes to {@code Instant}, so results and errors are exactly its own.
 */
public final class IsoInstants {
    private static final int DATE_TIME_LENGTH = "2026-11-20T09:15:02".length();
    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z: earlier years are written with a sign. */
    private static final long FIRST_PLAIN_SECOND = -62_167_219_200L;
    /** 9999-12-31T23:59:59Z: later years are written with a sign. */
    private static final long LAST_PLAIN_SECOND = 253_402_300_799L;

    private IsoInstants() {
    }

    /** Exactly {@code instant.toString()}. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_PLAIN_SECOND || seconds > LAST_PLAIN_SECOND) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nanos = instant.getNano();
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[DATE_TIME_LENGTH + (fractionDigits == 0 ? 0 : fractionDigits + 1) + 1];
        put(text, 0, 4, date.getYear());
        text[4] = '-';
        put(text, 5, 2, date.getMonthValue());
        text[7] = '-';
        put(text, 8, 2, date.getDayOfMonth());
        text[10] = 'T';
        put(text, 11, 2, secondOfDay / 3_600);
        text[13] = ':';
        put(text, 14, 2, secondOfDay / 60 % 60);
        text[16] = ':';
        put(text, 17, 2, secondOfDay % 60);
        if (fractionDigits > 0) {
            text[DATE_TIME_LENGTH] = '.';
            int fraction = nanos;
            for (int i = fractionDigits; i < 9; i++) {
                fraction /= 10;
            }
            put(text, DATE_TIME_LENGTH + 1, fractionDigits, fraction);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** Writes {@code value} as {@code count} digits, with leading zeros, from {@code start}. */
    private static void put(char[] text, int start, int count, int value) {
        for (int i = start + count - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Exactly {@code Instant.parse(text)}, its errors included. */
    public static Instant parse(String text) {
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
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
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
