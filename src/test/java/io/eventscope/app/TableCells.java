package io.eventscope.app;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A table and the cells it shows, found by column and row or by their text, as a person sees them. */
public final class TableCells {
    private TableCells() {
    }

    /** The table that {@code query} finds. */
    public static TableView<?> table(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TableView.class);
    }

    /** The visible cell of a column (by its fx:id) in a row, or null when that row is not shown. */
    public static TableCell<?, ?> cell(FxRobot robot, String columnId, int row) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()))
                .filter(c -> c.getIndex() == row && c.getTableRow() != null && !c.getTableRow().isEmpty())
                .findFirst().orElse(null);
    }

    /** The text of that cell, empty when the row is not shown or the cell is blank. */
    public static String cellText(FxRobot robot, String columnId, int row) {
        TableCell<?, ?> cell = cell(robot, columnId, row);
        return cell == null || cell.getText() == null ? "" : cell.getText();
    }

    /** The first visible cell of any table showing exactly {@code text}, or null. */
    public static TableCell<?, ?> withText(FxRobot robot, String text) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> text.equals(c.getText())).findFirst().orElse(null);
    }
}
