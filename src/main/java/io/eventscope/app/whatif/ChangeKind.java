package io.eventscope.app.whatif;

/** What the person changes at the fork point. */
public enum ChangeKind {
    KEEP("Change nothing"),
    SKIP("Skip this event"),
    EDIT("Edit its data"),
    INSERT("Insert a command after it");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
