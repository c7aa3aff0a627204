package io.eventscope.app.bridges;

/** Where the Bridges view puts what it consumes: the open store, or its engine's event bus (nothing stored). */
public enum ConsumeInto {
    STORE("the store"), BUS("the bus");

    private final String shown;

    ConsumeInto(String shown) {
        this.shown = shown;
    }

    @Override
    public String toString() {
        return shown;
    }
}
