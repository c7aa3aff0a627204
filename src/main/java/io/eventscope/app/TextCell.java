package io.eventscope.app;

import java.util.function.Function;
import javafx.scene.control.ListCell;

/** A list cell that shows each item as one line of text, for lists whose items need no graphic. */
public final class TextCell<T> extends ListCell<T> {
    private final Function<T, String> text;

    public TextCell(Function<T, String> text) {
        this.text = text;
    }

    /** A cell whose long text wraps at the list's width instead of widening the list. */
    public static <T> TextCell<T> wrapping(Function<T, String> text) {
        TextCell<T> cell = new TextCell<>(text);
        cell.setWrapText(true);
        cell.setPrefWidth(0);
        return cell;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
    }
}
