package io.eventscope.app.timeline;

import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/** Binds a slider and a pane's keys to a {@link Scrubber}: the view half of it. */
public final class ScrubberControls {
    private ScrubberControls() {
    }

    /** The slider follows the scrubber, and moving it jumps there. */
    public static void bindSlider(Slider slider, Scrubber scrubber) {
        boolean[] syncing = {false};
        scrubber.length().addListener((obs, old, length) -> {
            syncing[0] = true;
            slider.setMax(Math.max(1, length.longValue()));
            slider.setMajorTickUnit(ScrubControls.tickUnit(length.longValue()));
            slider.setMinorTickCount(0);
            syncing[0] = false;
        });
        scrubber.position().addListener((obs, old, version) -> {
            syncing[0] = true;
            slider.setValue(version.doubleValue());
            syncing[0] = false;
        });
        slider.valueProperty().addListener((obs, old, value) -> {
            if (!syncing[0] && Math.round(value.doubleValue()) != scrubber.position().get()) {
                scrubber.jumpTo(Math.round(value.doubleValue()));
            }
        });
    }

    /** Left/Right step (with Shift ten), Home/End jump, Space plays or pauses; typing in a text field is left alone. */
    public static void handleKeys(Node pane, Scrubber scrubber) {
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl) {
                return;
            }
            boolean handled = true;
            switch (e.getCode()) {
                case LEFT -> {
                    if (e.isShiftDown()) {
                        scrubber.bigPrevious();
                    } else {
                        scrubber.previous();
                    }
                }
                case RIGHT -> {
                    if (e.isShiftDown()) {
                        scrubber.bigNext();
                    } else {
                        scrubber.next();
                    }
                }
                case HOME -> scrubber.first();
                case END -> scrubber.last();
                case SPACE -> scrubber.togglePlay();
                default -> handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
    }
}
