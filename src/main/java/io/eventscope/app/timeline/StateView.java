package io.eventscope.app.timeline;

import static io.eventscope.app.Columns.showing;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The shown version's controller: its event, the state tree with the event's changes marked
 * (selecting a field blames it), the diff, and the way to What if and correlation mode.
 */
public final class StateView {
    private static final int EXPAND_ALL_BELOW = 400;

    private final TimelineViewModel model;
    private final FrameScheduler scrubber;
    private boolean syncing;

    @FXML private Label eventTitleLabel;
    @FXML private Button correlationButton;
    @FXML private Button whatIfButton;
    @FXML private TreeView<StateNode> stateTree;
    @FXML private TableView<ChangeRow> diffTable;
    @FXML private TableColumn<ChangeRow, String> opColumn;
    @FXML private TableColumn<ChangeRow, String> pathColumn;
    @FXML private TableColumn<ChangeRow, String> beforeColumn;
    @FXML private TableColumn<ChangeRow, String> afterColumn;

    public StateView(TimelineViewModel model) {
        this.model = model;
        this.scrubber = model.scrubber();
    }

    @FXML
    private void initialize() {
        eventTitleLabel.textProperty().bind(scrubber.eventTitle());
        correlationButton.disableProperty().bind(scrubber.eventCorrelation().isEmpty());
        whatIfButton.disableProperty().bind(scrubber.shownVersion().lessThan(1));
        stateTree.setCellFactory(tree -> new StateCell());
        scrubber.state().addListener((obs, old, state) -> showState(state));
        stateTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncing && item != null) {
                model.blame().blame(item.getValue().pointer());
            }
        });
        opColumn.setCellValueFactory(showing(ChangeRow::op));
        pathColumn.setCellValueFactory(showing(ChangeRow::path));
        beforeColumn.setCellValueFactory(showing(ChangeRow::before));
        afterColumn.setCellValueFactory(showing(ChangeRow::after));
        diffTable.setItems(scrubber.changes());
    }

    /** Takes the focus, so the keys move through versions. */
    void takeFocus() {
        stateTree.requestFocus();
    }

    /** Rebuilds the tree, keeping the selected field selected (without blaming it again). */
    private void showState(StateNode state) {
        TreeItem<StateNode> selected = stateTree.getSelectionModel().getSelectedItem();
        String keep = selected == null ? null : selected.getValue().pointer();
        syncing = true;
        if (state == null) {
            stateTree.setRoot(null);
        } else {
            boolean expandAll = count(state) < EXPAND_ALL_BELOW;
            TreeItem<StateNode> root = item(state, expandAll);
            root.setExpanded(true);
            stateTree.setRoot(root);
            if (keep != null) {
                select(root, keep);
            }
        }
        syncing = false;
    }

    private static TreeItem<StateNode> item(StateNode node, boolean expandAll) {
        TreeItem<StateNode> item = new TreeItem<>(node);
        item.setExpanded(expandAll || node.leadsToChange());
        node.children().forEach(child -> item.getChildren().add(item(child, expandAll)));
        return item;
    }

    private static int count(StateNode node) {
        int n = 1;
        for (StateNode child : node.children()) {
            n += count(child);
        }
        return n;
    }

    private boolean select(TreeItem<StateNode> item, String pointer) {
        if (item.getValue().pointer().equals(pointer)) {
            stateTree.getSelectionModel().select(item);
            return true;
        }
        for (TreeItem<StateNode> child : item.getChildren()) {
            if (select(child, pointer)) {
                return true;
            }
        }
        return false;
    }

    @FXML
    private void whatIf() {
        model.whatIf();
    }

    @FXML
    private void showCorrelation() {
        model.showCorrelation();
    }

    /** A field of the state; the current event's changes are marked. */
    private static final class StateCell extends TreeCell<StateNode> {
        @Override
        protected void updateItem(StateNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("changed", "leads-to-change");
            if (empty || node == null) {
                setText(null);
                return;
            }
            setText(node.key() + ": " + node.value());
            if (node.changed()) {
                getStyleClass().add("changed");
            } else if (node.leadsToChange()) {
                getStyleClass().add("leads-to-change");
            }
        }
    }
}
