package io.eventscope.app;

import java.util.List;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import org.testfx.api.FxRobot;

/** What the window shows a person, read the way they read it: a label's text, the lines of a tree. */
public final class Shown {
    private Shown() {
    }

    /** The text of the label that {@code query} finds. */
    public static String text(FxRobot robot, String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }

    /** The texts of every visible tree cell, in every tree of the window. */
    public static List<String> treeTexts(FxRobot robot) {
        return robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .map(TreeCell::getText).filter(Objects::nonNull).toList();
    }
}
