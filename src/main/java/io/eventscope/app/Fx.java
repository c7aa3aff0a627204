package io.eventscope.app;

import javafx.application.Platform;

/** Running code on the FX thread from anywhere. */
public final class Fx {
    private Fx() {
    }

    /** Runs now when already on the FX thread, else soon on it. */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
