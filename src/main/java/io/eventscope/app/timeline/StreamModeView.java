package io.eventscope.app.timeline;

import io.eventscope.app.TextCell;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/**
 * Stream mode's controller: the list of the stream's events, kept on the shown version, and
 * the keys that move through versions wherever the focus is outside a text field.
 */
public final class StreamModeView {
    private final TimelineViewModel model;
    private boolean syncing;

    @FXML private BorderPane streamPane;
    @FXML private ListView<EventItem> eventList;
    @FXML private ScrubberView scrubberController;
    @FXML private StateView stateController;

    public StreamModeView(TimelineViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        eventList.setItems(model.stream().events());
        eventList.setCellFactory(list -> new TextCell<>(EventItem::toString));
        model.scrubber().shownVersion().addListener((obs, old, version) -> {
            syncing = true;
            ScrubControls.showSelected(eventList, (int) version.longValue() - 1);
            syncing = false;
        });
        eventList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncing && item != null) {
                model.jumpTo(item.version());
            }
        });
        scrubberController.setAfterOpen(stateController::takeFocus);
        streamPane.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    private void key(KeyEvent e) {
        // The breakpoints' type box is typed into; every other control leaves these keys to the scrubber.
        if (e.getTarget() instanceof TextInputControl || e.getTarget() instanceof Node n && "typeBox".equals(n.getId())) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case LEFT -> {
                if (e.isShiftDown()) {
                    model.bigPrevious();
                } else {
                    model.previous();
                }
            }
            case RIGHT -> {
                if (e.isShiftDown()) {
                    model.bigNext();
                } else {
                    model.next();
                }
            }
            case HOME -> model.first();
            case END -> model.last();
            case SPACE -> model.playback().togglePlay();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }
}
