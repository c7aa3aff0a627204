package io.eventscope.app;

import java.util.List;
import java.util.function.Consumer;

/**
 * Events picked in one view (by global position) for the broker bridge, which another view
 * holds: to publish them, or to preview their EventBridge entries. Views share this object
 * and never each other; until a bridge serves it, nothing is handed over.
 */
public final class BridgeOutbox {
    private Consumer<List<Long>> publisher = positions -> { };
    private Consumer<List<Long>> previewer = positions -> { };

    /** Who publishes and who previews what is handed over (on the FX thread). */
    public void serve(Consumer<List<Long>> publish, Consumer<List<Long>> preview) {
        this.publisher = publish;
        this.previewer = preview;
    }

    public void publish(List<Long> positions) {
        if (!positions.isEmpty()) {
            publisher.accept(List.copyOf(positions));
        }
    }

    public void previewEventBridge(List<Long> positions) {
        if (!positions.isEmpty()) {
            previewer.accept(List.copyOf(positions));
        }
    }
}
