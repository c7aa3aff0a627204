package io.eventscope.app.bridges;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The events a person picked by global position: "42", "40-49" or a list such as "3, 7, 40-49"
 * (both ends of a range included), at most {@link #MAX_EVENTS} in all, kept as sorted ranges.
 */
record Positions(List<Range> ranges) {
    static final long MAX_EVENTS = 10_000;

    /** One run of positions, both ends included. */
    record Range(long from, long to) {
        int size() {
            return (int) (to - from + 1);
        }

        @Override
        public String toString() {
            return from == to ? String.valueOf(from) : from + "-" + to;
        }
    }

    /** @throws IllegalArgumentException saying what is wrong with the text */
    static Positions parse(String text) {
        String all = text == null ? "" : text.trim();
        TreeSet<Long> picked = new TreeSet<>();
        for (String part : all.split(",")) {
            String t = part.trim();
            int dash = t.indexOf('-', 1);
            long from;
            long to;
            try {
                from = Long.parseLong(dash < 0 ? t : t.substring(0, dash).trim());
                to = dash < 0 ? from : Long.parseLong(t.substring(dash + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Positions are numbers or ranges like 40-49, separated by commas,"
                        + " not \"" + t + "\"");
            }
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("Positions must be 1 or more, the first of a range not after the last: \""
                        + t + "\"");
            }
            if (to - from + 1 + picked.size() > MAX_EVENTS) {
                throw new IllegalArgumentException("At most " + MAX_EVENTS + " events at a time; \"" + all + "\" names more");
            }
            for (long p = from; p <= to; p++) {
                picked.add(p);
            }
        }
        return of(picked);
    }

    /** The positions as ranges of consecutive ones. */
    static Positions of(Iterable<Long> positions) {
        TreeSet<Long> sorted = new TreeSet<>();
        positions.forEach(sorted::add);
        List<Range> ranges = new ArrayList<>();
        Long from = null;
        long last = 0;
        for (long p : sorted) {
            if (from != null && p != last + 1) {
                ranges.add(new Range(from, last));
                from = null;
            }
            if (from == null) {
                from = p;
            }
            last = p;
        }
        if (from != null) {
            ranges.add(new Range(from, last));
        }
        return new Positions(List.copyOf(ranges));
    }

    int size() {
        return ranges.stream().mapToInt(Range::size).sum();
    }

    /** As a person writes them: "2-4, 9". */
    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(", "));
    }
}
