package io.eventscope.app.whatif;

import io.eventscope.app.ViewFactory;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The What if window: made on first use, then shown again and brought to the front. */
public final class WhatIfWindow {
    private final ViewFactory views;
    private final String styleSheet;
    private Stage stage;

    public WhatIfWindow(ViewFactory views, String styleSheet) {
        this.views = views;
        this.styleSheet = styleSheet;
    }

    public void show() {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("What if — Eventscope");
            Scene scene = new Scene(views.load(WhatIfView.class), 1200, 760);
            scene.getStylesheets().add(styleSheet);
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    /** Closes it, from any thread (the window's owner may be shutting down elsewhere). */
    public void close() {
        if (stage == null) {
            return;
        }
        if (Platform.isFxApplicationThread()) {
            stage.close();
        } else {
            Platform.runLater(stage::close);
        }
    }
}
