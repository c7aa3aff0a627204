package io.eventscope.app.bridges;

/** The events a person picked by global position: "42" or "40-49", both ends included. */
record PositionRange(long from, long to) {
    static final long MAX_EVENTS = 10_000;

    /** @throws IllegalArgumentException saying what is wrong with the text */
    static PositionRange parse(String text) {
        String t = text == null ? "" : text.trim();
        int dash = t.indexOf('-');
        try {
            long from = Long.parseLong(dash < 0 ? t : t.substring(0, dash).trim());
            long to = dash < 0 ? from : Long.parseLong(t.substring(dash + 1).trim());
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("Positions must be 1 or more, the first not after the last: \"" + t + "\"");
            }
            if (to - from + 1 > MAX_EVENTS) {
                throw new IllegalArgumentException("At most " + MAX_EVENTS + " events at a time; \"" + t + "\" names "
                        + (to - from + 1));
            }
            return new PositionRange(from, to);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Positions are a number or a range like 40-49, not \"" + t + "\"");
        }
    }

    int size() {
        return (int) (to - from + 1);
    }
}
