package io.eventscope.app.timeline;

import static io.eventscope.app.Columns.showing;

import io.eventscope.app.TextCell;
import io.eventscope.engine.timeline.Breakpoint;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Timeline's controller: binds the scrubber, the state tree, the diff, the event list,
 * breakpoints, blame and correlation mode to the view model, and turns keys into its commands.
 */
public final class TimelineView {
    private static final int EXPAND_ALL_BELOW = 400;

    private final TimelineViewModel model;
    private final CorrelationViewModel correlation;
    private boolean syncing;

    @FXML private TabPane modes;
    @FXML private Tab streamTab;
    @FXML private Tab correlationTab;
    @FXML private BorderPane streamPane;
    @FXML private TextField streamField;
    @FXML private Label foldedByLabel;
    @FXML private Label streamErrorLabel;
    @FXML private Button playButton;
    @FXML private FontIcon playIcon;
    @FXML private ComboBox<Double> speedBox;
    @FXML private CheckBox realTimeBox;
    @FXML private Label positionLabel;
    @FXML private Label statusLabel;
    @FXML private Slider slider;
    @FXML private ListView<EventItem> eventList;
    @FXML private Label eventTitleLabel;
    @FXML private Button correlationButton;
    @FXML private Button whatIfButton;
    @FXML private TreeView<StateNode> stateTree;
    @FXML private TableView<ChangeRow> diffTable;
    @FXML private TableColumn<ChangeRow, String> opColumn;
    @FXML private TableColumn<ChangeRow, String> pathColumn;
    @FXML private TableColumn<ChangeRow, String> beforeColumn;
    @FXML private TableColumn<ChangeRow, String> afterColumn;
    @FXML private ComboBox<String> typeBox;
    @FXML private TextField conditionField;
    @FXML private Label conditionErrorLabel;
    @FXML private ListView<Breakpoint> breakpointList;
    @FXML private Label blameSummaryLabel;
    @FXML private ListView<BlameRow> blameList;
    @FXML private TextField correlationField;
    @FXML private Label correlationErrorLabel;
    @FXML private Label stepTitleLabel;
    @FXML private Button correlationWhatIfButton;
    @FXML private Slider correlationSlider;
    @FXML private ListView<EventItem> correlationEventList;
    @FXML private FlowPane aggregateCards;

    public TimelineView(TimelineViewModel model) {
        this.model = model;
        this.correlation = model.correlation();
    }

    @FXML
    private void initialize() {
        bindStreamBar();
        bindSlider();
        bindEventList();
        bindState();
        bindBreakpoints();
        bindBlame();
        bindCorrelation();
        streamPane.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    private void bindStreamBar() {
        streamField.textProperty().bindBidirectional(model.streamQuery());
        TextFields.bindAutoCompletion(streamField, request -> model.suggest(request.getUserText()))
                .setOnAutoCompleted(e -> {
                    model.openStream(e.getCompletion());
                    stateTree.requestFocus();
                });
        streamField.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                model.refreshStreams();
            }
        });
        foldedByLabel.textProperty().bind(model.foldedBy().map(f -> f.isEmpty() ? "" : "folded by " + f));
        streamErrorLabel.textProperty().bind(model.streamError());
        statusLabel.textProperty().bind(model.status());
        model.playing().addListener((obs, was, playing) ->
                playIcon.setIconLiteral(playing ? "mdi2p-pause" : "mdi2p-play"));
        speedBox.getItems().setAll(model.speeds());
        speedBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double speed) {
                return speed == null ? "" : (speed == Math.floor(speed) ? String.valueOf(speed.intValue()) : speed) + "x";
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("x", ""));
            }
        });
        speedBox.setValue(model.speed().get());
        speedBox.valueProperty().addListener((obs, old, speed) -> model.speed().set(speed));
        realTimeBox.selectedProperty().bindBidirectional(model.realTime());
        positionLabel.textProperty().bind(model.position().asString("v%d")
                .concat(model.length().asString(" / %d")));
        eventTitleLabel.textProperty().bind(model.eventTitle());
        correlationButton.disableProperty().bind(model.eventCorrelation().isEmpty());
        whatIfButton.disableProperty().bind(model.shownVersion().lessThan(1));
    }

    private void bindSlider() {
        slider.disableProperty().bind(model.streamId().isEmpty());
        model.length().addListener((obs, old, length) -> {
            syncing = true;
            slider.setMax(Math.max(1, length.longValue()));
            slider.setMajorTickUnit(tickUnit(length.longValue()));
            slider.setMinorTickCount(0);
            syncing = false;
        });
        model.position().addListener((obs, old, version) -> {
            syncing = true;
            slider.setValue(version.doubleValue());
            syncing = false;
        });
        slider.valueProperty().addListener((obs, old, value) -> {
            if (!syncing && Math.round(value.doubleValue()) != model.position().get()) {
                model.jumpTo(Math.round(value.doubleValue()));
            }
        });
    }

    /** A tick per event while they fit, else a round number of events per tick (about fifty ticks). */
    static double tickUnit(long length) {
        if (length <= 100) {
            return 1;
        }
        double raw = length / 50.0;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= raw) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private void bindEventList() {
        eventList.setItems(model.events());
        eventList.setCellFactory(list -> new TextCell<>(EventItem::toString));
        model.shownVersion().addListener((obs, old, version) -> {
            syncing = true;
            showSelected(eventList, (int) version.longValue() - 1);
            syncing = false;
        });
        eventList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncing && item != null) {
                model.jumpTo(item.version());
            }
        });
    }

    private void bindState() {
        stateTree.setCellFactory(tree -> new StateCell());
        model.state().addListener((obs, old, state) -> showState(state));
        stateTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncing && item != null) {
                model.blame(item.getValue().pointer());
            }
        });
        opColumn.setCellValueFactory(showing(ChangeRow::op));
        pathColumn.setCellValueFactory(showing(ChangeRow::path));
        beforeColumn.setCellValueFactory(showing(ChangeRow::before));
        afterColumn.setCellValueFactory(showing(ChangeRow::after));
        diffTable.setItems(model.changes());
        diffTable.setPlaceholder(new Label("No changes"));
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

    private void bindBreakpoints() {
        typeBox.setItems(model.eventTypes());
        conditionField.textProperty().bindBidirectional(model.conditionText());
        conditionErrorLabel.textProperty().bind(model.conditionError());
        breakpointList.setItems(model.breakpoints());
        breakpointList.setCellFactory(list -> new BreakpointCell());
        breakpointList.setPlaceholder(new Label("Playback stops at a type or when a condition becomes true"));
    }

    private void bindBlame() {
        blameSummaryLabel.textProperty().bind(Bindings.createStringBinding(() -> model.blamePath().get().isEmpty()
                        ? model.blameSummary().get() : model.blamePath().get() + " — " + model.blameSummary().get(),
                model.blamePath(), model.blameSummary()));
        blameList.setItems(model.blameRows());
        blameList.setCellFactory(list -> new TextCell<>(BlameRow::toString));
        blameList.setOnMouseClicked(e -> {
            BlameRow row = blameList.getSelectionModel().getSelectedItem();
            if (row != null) {
                model.jumpTo(row.version());
            }
        });
    }

    private void bindCorrelation() {
        correlationField.textProperty().bindBidirectional(correlation.correlationQuery());
        correlationErrorLabel.textProperty().bind(correlation.error());
        stepTitleLabel.textProperty().bind(correlation.stepTitle());
        correlationWhatIfButton.disableProperty().bind(correlation.shownStep().lessThan(1));
        correlationSlider.disableProperty().bind(correlation.correlationId().isEmpty());
        correlation.lastStep().addListener((obs, old, last) -> {
            syncing = true;
            correlationSlider.setMax(Math.max(1, last.intValue()));
            correlationSlider.setMajorTickUnit(tickUnit(last.longValue()));
            syncing = false;
        });
        correlation.step().addListener((obs, old, step) -> {
            syncing = true;
            correlationSlider.setValue(step.doubleValue());
            showSelected(correlationEventList, step.intValue() - 1);
            syncing = false;
        });
        correlationSlider.valueProperty().addListener((obs, old, value) -> {
            if (!syncing) {
                correlation.jumpTo((int) Math.round(value.doubleValue()));
            }
        });
        correlationEventList.setItems(correlation.events());
        correlationEventList.setCellFactory(list -> new TextCell<>(e -> "#" + e.position() + "  " + e.streamId()
                + " v" + e.version() + "  " + e.eventType()));
        correlationEventList.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (!syncing && index.intValue() >= 0) {
                correlation.jumpTo(index.intValue() + 1);
            }
        });
        correlation.aggregates().addListener((ListChangeListener<AggregateCard>) c ->
                aggregateCards.getChildren().setAll(correlation.aggregates().stream().map(TimelineView::card).toList()));
    }

    private void key(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || typeBox.isFocused()) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case LEFT -> {
                if (e.isShiftDown()) {
                    model.bigPrevious();
                } else {
                    model.previous();
                }
            }
            case RIGHT -> {
                if (e.isShiftDown()) {
                    model.bigNext();
                } else {
                    model.next();
                }
            }
            case HOME -> model.first();
            case END -> model.last();
            case SPACE -> model.togglePlay();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    /** Opens the typed stream and leaves the keys to the scrubber. */
    @FXML
    private void openStream() {
        model.openStream(streamField.getText());
        stateTree.requestFocus();
    }

    @FXML
    private void first() {
        model.first();
    }

    @FXML
    private void previous() {
        model.previous();
    }

    @FXML
    private void togglePlay() {
        model.togglePlay();
    }

    @FXML
    private void next() {
        model.next();
    }

    @FXML
    private void last() {
        model.last();
    }

    @FXML
    private void addTypeBreakpoint() {
        model.addTypeBreakpoint(typeBox.getEditor().getText());
        typeBox.getEditor().clear();
    }

    @FXML
    private void addConditionBreakpoint() {
        model.addConditionBreakpoint();
    }

    @FXML
    private void whatIf() {
        model.whatIf();
    }

    @FXML
    private void showCorrelation() {
        correlation.open(model.eventCorrelation().get());
        modes.getSelectionModel().select(correlationTab);
    }

    @FXML
    private void openCorrelation() {
        correlation.open();
    }

    @FXML
    private void correlationPrevious() {
        correlation.previous();
    }

    @FXML
    private void correlationNext() {
        correlation.next();
    }

    @FXML
    private void correlationWhatIf() {
        correlation.whatIf();
    }

    /** Selects the row and scrolls it into view with a few rows of context above; a negative index selects none. */
    private static void showSelected(ListView<?> list, int index) {
        if (index < 0) {
            list.getSelectionModel().clearSelection();
        } else {
            list.getSelectionModel().clearAndSelect(index);
            list.scrollTo(Math.max(0, index - 5));
        }
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

    /** A breakpoint with a button that removes it. */
    private final class BreakpointCell extends ListCell<Breakpoint> {
        @Override
        protected void updateItem(Breakpoint breakpoint, boolean empty) {
            super.updateItem(breakpoint, empty);
            if (empty || breakpoint == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Button remove = new Button(null, new FontIcon("mdi2c-close"));
            remove.getStyleClass().addAll("flat", "small");
            remove.setOnAction(e -> model.removeBreakpoint(breakpoint));
            Label text = new Label(breakpoint.describe());
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            setText(null);
            setGraphic(new HBox(6, text, gap, remove));
        }
    }

    /** One aggregate in correlation mode: which version it is at and its state. */
    private static VBox card(AggregateCard aggregate) {
        Label title = new Label(aggregate.title());
        title.getStyleClass().add("aggregate-title");
        if (aggregate.changedHere()) {
            title.getStyleClass().add("changed");
        }
        Label state = new Label(aggregate.stateJson());
        state.getStyleClass().add("aggregate-state");
        VBox card = new VBox(4, title, state);
        card.getStyleClass().add("aggregate-card");
        if (aggregate.changedHere()) {
            card.getStyleClass().add("changed");
        }
        return card;
    }
}
