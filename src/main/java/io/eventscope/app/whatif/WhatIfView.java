package io.eventscope.app.whatif;

import io.eventscope.app.Columns;
import io.eventscope.app.timeline.ChangeRow;
import io.eventscope.app.timeline.Scrubber;
import io.eventscope.app.timeline.ScrubberControls;
import io.eventscope.app.timeline.StateNode;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Slider;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The What if window's controller: the change, the scope, and the outcome side by side. */
public final class WhatIfView {
    /** Rows that came out otherwise, highlighted by the style sheet. */
    private static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");
    /** A field the shown event of the branch changed. */
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final WhatIfViewModel model;
    private final BranchPlayback playback;

    @FXML private Label forkLabel;
    @FXML private ComboBox<ChangeKind> changeBox;
    @FXML private CheckBox correlationBox;
    @FXML private TextField streamsField;
    @FXML private TextArea dataArea;
    @FXML private HBox insertBox;
    @FXML private TextField insertTypeField;
    @FXML private TextField insertPayloadField;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator runningIndicator;
    @FXML private Label errorLabel;
    @FXML private Label summaryLabel;
    @FXML private TableView<OutcomeRow> outcomeTable;
    @FXML private TableColumn<OutcomeRow, String> commandColumn;
    @FXML private TableColumn<OutcomeRow, String> verdictColumn;
    @FXML private TableColumn<OutcomeRow, String> thenColumn;
    @FXML private TableColumn<OutcomeRow, String> nowColumn;
    @FXML private TableColumn<OutcomeRow, String> diffColumn;
    @FXML private TableView<StateRow> stateTable;
    @FXML private TableColumn<StateRow, String> streamColumn;
    @FXML private TableColumn<StateRow, String> fieldColumn;
    @FXML private TableColumn<StateRow, String> originalColumn;
    @FXML private TableColumn<StateRow, String> branchColumn;
    @FXML private VBox playPane;
    @FXML private ComboBox<String> branchStreamBox;
    @FXML private FontIcon branchPlayIcon;
    @FXML private Label branchPositionLabel;
    @FXML private Label branchTitleLabel;
    @FXML private Slider branchSlider;
    @FXML private TreeView<StateNode> branchStateTree;
    @FXML private TableView<ChangeRow> branchChangesTable;
    @FXML private TableColumn<ChangeRow, String> changeOpColumn;
    @FXML private TableColumn<ChangeRow, String> changePathColumn;
    @FXML private TableColumn<ChangeRow, String> changeBeforeColumn;
    @FXML private TableColumn<ChangeRow, String> changeAfterColumn;

    public WhatIfView(WhatIfViewModel model) {
        this.model = model;
        this.playback = model.playback();
    }

    @FXML
    private void initialize() {
        forkLabel.textProperty().bind(model.forkTitle());
        changeBox.getItems().setAll(ChangeKind.values());
        changeBox.valueProperty().bindBidirectional(model.change());
        correlationBox.selectedProperty().bindBidirectional(model.wholeCorrelation());
        streamsField.textProperty().bindBidirectional(model.streams());
        streamsField.disableProperty().bind(model.wholeCorrelation());
        dataArea.textProperty().bindBidirectional(model.editedData());
        dataArea.editableProperty().bind(model.change().isEqualTo(ChangeKind.EDIT));
        insertBox.visibleProperty().bind(model.change().isEqualTo(ChangeKind.INSERT));
        insertBox.managedProperty().bind(insertBox.visibleProperty());
        insertTypeField.textProperty().bindBidirectional(model.insertType());
        insertPayloadField.textProperty().bindBidirectional(model.insertPayload());
        runButton.disableProperty().bind(model.running());
        cancelButton.disableProperty().bind(model.running().not());
        runningIndicator.visibleProperty().bind(model.running());
        errorLabel.textProperty().bind(model.error());
        summaryLabel.textProperty().bind(model.summary());

        outcomeTable.setItems(model.outcomes());
        commandColumn.setCellValueFactory(Columns.showing(OutcomeRow::command));
        verdictColumn.setCellValueFactory(Columns.showing(OutcomeRow::verdict));
        thenColumn.setCellValueFactory(Columns.showing(OutcomeRow::then));
        nowColumn.setCellValueFactory(Columns.showing(OutcomeRow::now));
        diffColumn.setCellValueFactory(Columns.showing(OutcomeRow::diff));
        outcomeTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(OutcomeRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(DIFFERS, !empty && row != null && !row.verdict().equals("same"));
            }
        });

        stateTable.setItems(model.states());
        streamColumn.setCellValueFactory(Columns.showing(StateRow::streamId));
        fieldColumn.setCellValueFactory(Columns.showing(StateRow::field));
        originalColumn.setCellValueFactory(Columns.showing(StateRow::original));
        branchColumn.setCellValueFactory(Columns.showing(StateRow::branch));
        stateTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(StateRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(DIFFERS, !empty && row != null && row.differs());
            }
        });
        bindPlayback();
    }

    private void bindPlayback() {
        Scrubber scrubber = playback.scrubber();
        branchStreamBox.setItems(playback.streams());
        branchStreamBox.valueProperty().bindBidirectional(playback.stream());
        ScrubberControls.bindSlider(branchSlider, scrubber);
        ScrubberControls.handleKeys(playPane, scrubber);
        branchSlider.disableProperty().bind(playback.stream().isNull());
        branchPositionLabel.textProperty().bind(scrubber.position().asString("v%d")
                .concat(scrubber.length().asString(" / %d")));
        branchTitleLabel.textProperty().bind(playback.title());
        scrubber.playing().addListener((obs, was, playing) ->
                branchPlayIcon.setIconLiteral(playing ? "mdi2p-pause" : "mdi2p-play"));
        branchStateTree.setCellFactory(tree -> new TreeCell<>() {
            @Override
            protected void updateItem(StateNode node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.key() + ": " + node.value());
                pseudoClassStateChanged(CHANGED, !empty && node != null && node.changed());
            }
        });
        playback.state().addListener((obs, old, state) -> branchStateTree.setRoot(state == null ? null : item(state)));
        branchChangesTable.setItems(playback.changes());
        changeOpColumn.setCellValueFactory(Columns.showing(ChangeRow::op));
        changePathColumn.setCellValueFactory(Columns.showing(ChangeRow::path));
        changeBeforeColumn.setCellValueFactory(Columns.showing(ChangeRow::before));
        changeAfterColumn.setCellValueFactory(Columns.showing(ChangeRow::after));
    }

    private static TreeItem<StateNode> item(StateNode node) {
        TreeItem<StateNode> item = new TreeItem<>(node);
        item.setExpanded(true);
        node.children().forEach(child -> item.getChildren().add(item(child)));
        return item;
    }

    @FXML
    private void run() {
        model.run();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void branchFirst() {
        playback.scrubber().first();
    }

    @FXML
    private void branchPrevious() {
        playback.scrubber().previous();
    }

    @FXML
    private void branchTogglePlay() {
        playback.scrubber().togglePlay();
    }

    @FXML
    private void branchNext() {
        playback.scrubber().next();
    }

    @FXML
    private void branchLast() {
        playback.scrubber().last();
    }
}
