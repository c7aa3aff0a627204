package io.eventscope.app.versions;

/** One line of pretty-printed JSON and how it differs from the other side of a comparison. */
public record JsonLine(String text, Change change) {

    public enum Change {
        SAME,
        /** Present only on this side, the newer one. */
        ADDED,
        /** Present only on this side, the older one. */
        REMOVED,
        /** Present on both sides with another value. */
        CHANGED
    }
}
