package io.eventscope.shop.saga;

/**
 * Ids that count up from a run's id: the same on every rerun, never another run's (the run id
 * names the mode and the seed), and, being of one width, in the order they were made. Stored,
 * a run's ids then go to the end of the id indexes (event id, causation) instead of to pages
 * all over them, which is most of what storing a run into a large store costs.
 */
final class RunIds {
    private static final String ZEROS = "000000000";

    private final String prefix;
    private long issued;

    RunIds(String runId, String kind) {
        this.prefix = runId + "-" + kind + "-";
    }

    String next() {
        String n = Long.toString(++issued);
        return prefix + ZEROS.substring(Math.min(ZEROS.length(), n.length())) + n;
    }

    long issued() {
        return issued;
    }
}
