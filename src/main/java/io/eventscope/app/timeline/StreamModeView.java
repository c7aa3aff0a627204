package io.eventscope.app.timeline;

import io.eventscope.app.TextCell;
import javafx.fxml.FXML;
import javafx.scene.control.ListView;
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
            ScrubberControls.showSelected(eventList, (int) version.longValue() - 1);
            syncing = false;
        });
        eventList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncing && item != null) {
                model.jumpTo(item.version());
            }
        });
        scrubberController.setAfterOpen(stateController::takeFocus);
        ScrubberControls.handleKeys(streamPane, model);
    }
}
