package io.eventscope.engine.projection;

import java.util.List;

/**
 * The shadow check of one read model: its live tables against a rebuild up to the same
 * position. Equal when no table has a row the other lacks.
 */
public record CheckReport(String name, long position, List<TableDifference> tables) {

    public boolean equal() {
        return tables.stream().allMatch(TableDifference::equal);
    }

    /**
     * One table's rows only in the live read model and only in the rebuild (a changed row is
     * in both lists), counted, with the first few shown as {@code column=value} text.
     */
    public record TableDifference(String table, long onlyLive, long onlyRebuilt,
                                  List<String> liveSample, List<String> rebuiltSample) {
        public boolean equal() {
            return onlyLive == 0 && onlyRebuilt == 0;
        }
    }
}
