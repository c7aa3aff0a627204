package io.eventscope.app.timeline;

import io.eventscope.app.ViewFactory;
import io.eventscope.engine.timeline.Breakpoint;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;

/** One breakpoint row's controller: what it stops at, and the button that removes it. */
public final class BreakpointRowView {
    private final Consumer<Breakpoint> remove;
    private final Parent root;
    private Breakpoint shown;

    @FXML private Label descriptionLabel;

    BreakpointRowView(Consumer<Breakpoint> remove) {
        this.remove = remove;
        this.root = ViewFactory.loadFor(this);
    }

    /** The row for {@code breakpoint}; a list cell reuses one row for the items it shows in turn. */
    Parent show(Breakpoint breakpoint) {
        shown = breakpoint;
        descriptionLabel.setText(breakpoint.describe());
        return root;
    }

    @FXML
    private void remove() {
        remove.accept(shown);
    }
}
