package io.eventscope.app.timeline;

import java.util.function.LongConsumer;
import javafx.beans.value.ObservableNumberValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/** The view half of every scrubber (stream mode, correlation mode, what-if's branch): slider, keys, list. */
public final class ScrubberControls {
    private ScrubberControls() {
    }

    /** The slider spans 1..length and follows the position; moving it by hand jumps there. */
    public static void bindSlider(Slider slider, ObservableNumberValue length, ObservableNumberValue position,
                                  LongConsumer jumpTo) {
        boolean[] syncing = {false};
        length.addListener((obs, old, now) -> {
            syncing[0] = true;
            slider.setMax(Math.max(1, now.longValue()));
            slider.setMajorTickUnit(tickUnit(now.longValue()));
            slider.setMinorTickCount(0);
            syncing[0] = false;
        });
        position.addListener((obs, old, now) -> {
            syncing[0] = true;
            slider.setValue(now.doubleValue());
            syncing[0] = false;
        });
        slider.valueProperty().addListener((obs, old, value) -> {
            if (!syncing[0] && Math.round(value.doubleValue()) != position.longValue()) {
                jumpTo.accept(Math.round(value.doubleValue()));
            }
        });
    }

    public static void bindSlider(Slider slider, Scrubbing scrubbing) {
        bindSlider(slider, scrubbing.length(), scrubbing.position(), scrubbing::jumpTo);
    }

    /**
     * Left/Right step (with Shift ten), Home/End jump, Space plays or pauses, wherever the focus is
     * in {@code pane}, except where a person types: a text field or an editable box.
     */
    public static void handleKeys(Node pane, Scrubbing scrubbing) {
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl
                    || e.getTarget() instanceof ComboBoxBase<?> box && box.isEditable()) {
                return;
            }
            boolean handled = true;
            switch (e.getCode()) {
                case LEFT -> {
                    if (e.isShiftDown()) {
                        scrubbing.bigPrevious();
                    } else {
                        scrubbing.previous();
                    }
                }
                case RIGHT -> {
                    if (e.isShiftDown()) {
                        scrubbing.bigNext();
                    } else {
                        scrubbing.next();
                    }
                }
                case HOME -> scrubbing.first();
                case END -> scrubbing.last();
                case SPACE -> scrubbing.togglePlay();
                default -> handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
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
