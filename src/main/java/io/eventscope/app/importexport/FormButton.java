package io.eventscope.app.importexport;

import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;

/** A dialog's OK button that closes only when its form gives a choice (the form says what is missing otherwise). */
final class FormButton {
    private FormButton() {
    }

    static void guard(DialogPane pane, ButtonType type, String id, Supplier<?> choice) {
        pane.lookupButton(type).setId(id);
        pane.lookupButton(type).addEventFilter(ActionEvent.ACTION, e -> {
            if (choice.get() == null) {
                e.consume();
            }
        });
    }
}
