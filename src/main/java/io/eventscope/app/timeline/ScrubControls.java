package io.eventscope.app.timeline;

import javafx.scene.control.ListView;

/** What the two modes' scrubbers share: tick spacing on the slider, and the current row kept selected in view. */
final class ScrubControls {
    private ScrubControls() {
    }

    /** A tick per event while they fit, else a round number of events per tick (about fifty ticks). */
    static double tickUnit(long length) {
        if (length <= 100) {
            return 1;
        }
        double raw = length / 50.0;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= raw) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Selects the row and scrolls it into view with a few rows of context above; a negative index selects none. */
    static void showSelected(ListView<?> list, int index) {
        if (index < 0) {
            list.getSelectionModel().clearSelection();
        } else {
            list.getSelectionModel().clearAndSelect(index);
            list.scrollTo(Math.max(0, index - 5));
        }
    }
}
