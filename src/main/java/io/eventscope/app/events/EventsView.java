package io.eventscope.app.events;

import io.eventscope.app.cases.CaseDialogs;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Clipboard;
import org.controlsfx.control.CheckComboBox;

/** The Events browser's controller: binds the table, filters and detail pane to the view model. */
public final class EventsView {
    private final EventsViewModel model;
    private final CaseDialogs cases;
    private boolean syncingTypes;

    @FXML private TextField streamField;
    @FXML private CheckComboBox<String> typesBox;
    @FXML private TextField correlationField;
    @FXML private TextField causationField;
    @FXML private TextField fromField;
    @FXML private TextField toField;
    @FXML private TextField textField;
    @FXML private Label matchesLabel;
    @FXML private Label filterErrorLabel;
    @FXML private ToggleButton pauseButton;
    @FXML private TableView<EventRow> table;
    @FXML private TableColumn<EventRow, Long> positionColumn;
    @FXML private TableColumn<EventRow, String> timeColumn;
    @FXML private TableColumn<EventRow, String> streamColumn;
    @FXML private TableColumn<EventRow, Long> versionColumn;
    @FXML private TableColumn<EventRow, String> typeColumn;
    @FXML private TableColumn<EventRow, Integer> schemaColumn;
    @FXML private TableColumn<EventRow, String> correlationColumn;
    @FXML private TableColumn<EventRow, String> causationColumn;
    @FXML private TableColumn<EventRow, String> userColumn;
    @FXML private TreeView<JsonTreeNode> detailTree;
    @FXML private Button copyButton;
    @FXML private Button correlationButton;
    @FXML private TabPane detailTabs;
    @FXML private Tab eventTab;
    @FXML private Tab causationTab;
    @FXML private TreeView<CausationItem> causationTreeView;
    @FXML private Button causesButton;
    @FXML private Button effectsButton;
    private final Map<CausationItem, TreeItem<CausationItem>> causationItems = new IdentityHashMap<>();

    public EventsView(EventsViewModel model, CaseDialogs cases) {
        this.model = model;
        this.cases = cases;
    }

    @FXML
    private void initialize() {
        bindFilters();
        bindTable();
        bindDetail();
        bindCausation();
        attachWhenFirstSelected(causationTab);
        pauseButton.selectedProperty().bindBidirectional(model.paused());
        pauseButton.textProperty().bind(model.held().map(n -> n.intValue() == 0 ? "Pause" : "Paused · " + n + " new"));
        matchesLabel.textProperty().bind(Bindings.when(model.filtering()).then("Filtering…")
                .otherwise(model.matches()));
        // Ctrl+F jumps to the filters, Ctrl+L to the list, while this view is showing.
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (table.getScene() != null) {
                        streamField.requestFocus();
                    }
                });
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (table.getScene() != null) {
                        table.requestFocus();
                    }
                });
            }
        });
        filterErrorLabel.textProperty().bind(model.filterError());
    }

    private void bindFilters() {
        streamField.textProperty().bindBidirectional(model.stream());
        correlationField.textProperty().bindBidirectional(model.correlationId());
        causationField.textProperty().bindBidirectional(model.causationId());
        fromField.textProperty().bindBidirectional(model.from());
        toField.textProperty().bindBidirectional(model.to());
        textField.textProperty().bindBidirectional(model.text());
        typesBox.getItems().setAll(model.knownTypes());
        model.knownTypes().addListener((ListChangeListener<String>) c -> syncTypes(() -> {
            typesBox.getItems().setAll(model.knownTypes());
            model.selectedTypes().forEach(typesBox.getCheckModel()::check);
        }));
        typesBox.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncingTypes) {
                syncTypes(() -> model.selectedTypes().setAll(typesBox.getCheckModel().getCheckedItems()));
            }
        });
        model.selectedTypes().addListener((ListChangeListener<String>) c -> {
            if (!syncingTypes) {
                syncTypes(() -> {
                    typesBox.getCheckModel().clearChecks();
                    model.selectedTypes().forEach(typesBox.getCheckModel()::check);
                });
            }
        });
    }

    private void syncTypes(Runnable change) {
        syncingTypes = true;
        try {
            change.run();
        } finally {
            syncingTypes = false;
        }
    }

    private void bindTable() {
        positionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().position()));
        timeColumn.setCellValueFactory(column(EventSummary::time));
        streamColumn.setCellValueFactory(column(EventSummary::streamId));
        versionColumn.setCellValueFactory(column(EventSummary::version));
        typeColumn.setCellValueFactory(column(EventSummary::eventType));
        schemaColumn.setCellValueFactory(column(EventSummary::schemaVersion));
        correlationColumn.setCellValueFactory(column(EventSummary::correlationId));
        causationColumn.setCellValueFactory(column(EventSummary::causationId));
        userColumn.setCellValueFactory(column(EventSummary::userId));
        table.itemsProperty().bind(model.rows());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selected().set(row));
        model.revealedRow().addListener((obs, old, row) -> {
            if (row != null) {
                table.getSelectionModel().clearAndSelect(row);
                // After the pulse that lays the table out: a view just shown has no rows yet.
                Platform.runLater(() -> table.scrollTo(Math.max(0, row - 3)));
                table.requestFocus();
            }
        });
        model.arrivals().addListener((obs, old, now) -> followTail());
        Integer pending = model.revealedRow().get();
        if (pending != null) {
            table.getSelectionModel().clearAndSelect(pending);
            table.scrollTo(Math.max(0, pending - 3));
        }
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setContextMenu(rowMenu());
    }

    private static <T> javafx.util.Callback<TableColumn.CellDataFeatures<EventRow, T>, ObservableValue<T>> column(
            Function<EventSummary, T> field) {
        return c -> c.getValue().summary().map(field);
    }

    private ContextMenu rowMenu() {
        MenuItem correlation = new MenuItem("Show this correlation's causation tree");
        correlation.setOnAction(e -> followCorrelation());
        MenuItem stream = new MenuItem("Show this stream");
        stream.setOnAction(e -> {
            EventSummary s = selectedSummary();
            if (s != null) {
                model.stream().set(s.streamId());
                model.applyFilter();
            }
        });
        MenuItem timeline = new MenuItem("Open in Timeline");
        timeline.setOnAction(e -> {
            EventSummary s = selectedSummary();
            if (s != null) {
                model.openInTimeline(s);
            }
        });
        // Publishing and previewing take every selected row (Ctrl- or Shift-click to pick several).
        MenuItem publish = new MenuItem("Publish to the broker");
        publish.setOnAction(e -> model.publishToBroker(List.copyOf(table.getSelectionModel().getSelectedItems())));
        MenuItem eventBridge = new MenuItem("Preview EventBridge entries");
        eventBridge.setOnAction(e -> model.previewEventBridge(List.copyOf(table.getSelectionModel().getSelectedItems())));
        return new ContextMenu(correlation, stream, timeline, new SeparatorMenuItem(), publish, eventBridge);
    }

    /** Keeps the newest events in sight when the view was already showing the end of the log. */
    private void followTail() {
        int size = table.getItems().size();
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        if (last != null && last.getIndex() >= size - 1 - 50 && size > 0) {
            table.scrollTo(size - 1);
        }
    }

    private void bindDetail() {
        detailTree.setCellFactory(tree -> new TreeCell<>() {
            @Override
            protected void updateItem(JsonTreeNode node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.key() + ":  " + node.value());
            }
        });
        model.detail().addListener((obs, old, detail) ->
                detailTree.setRoot(detail == null ? null : treeItem(detail.tree(), 0)));
        copyButton.disableProperty().bind(model.detail().isNull());
        correlationButton.disableProperty().bind(model.detail().isNull());
    }

    private void bindCausation() {
        causationTreeView.setCellFactory(tree -> new TreeCell<>() {
            @Override
            protected void updateItem(CausationItem node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.label());
                setTooltip(empty || node == null ? null : new Tooltip(node.label()));
                setGraphic(empty || node == null ? null : new FontIcon(node.isEvent() ? "mdi2l-lightning-bolt-outline"
                        : node.type().equals("correlation") ? "mdi2s-source-branch" : "mdi2c-console-line"));
            }
        });
        model.causation().tree().addListener((obs, old, tree) -> {
            causationItems.clear();
            causationTreeView.setRoot(tree == null ? null : causationItem(tree));
            if (tree != null) {
                detailTabs.getSelectionModel().select(causationTab);
            }
        });
        causationTreeView.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                model.causation().selected().set(item.getValue());
            }
        });
        model.causation().selected().addListener((obs, old, node) -> {
            TreeItem<CausationItem> item = causationItems.get(node);
            if (item != null && causationTreeView.getSelectionModel().getSelectedItem() != item) {
                causationTreeView.getSelectionModel().select(item);
                causationTreeView.scrollTo(causationTreeView.getRow(item));
            }
        });
        MenuItem timeline = new MenuItem("Open in Timeline");
        timeline.setOnAction(e -> {
            CausationItem node = model.causation().selected().get();
            if (node != null) {
                model.openInTimeline(node);
            }
        });
        MenuItem exportTest = new MenuItem("Export as test…");
        exportTest.disableProperty().bind(Bindings.createBooleanBinding(() -> model.causation().selected().get() == null
                || !model.causation().selected().get().isCommand(), model.causation().selected()));
        exportTest.setOnAction(e -> {
            CausationItem node = model.causation().selected().get();
            if (node != null && node.isCommand()) {
                cases.chooseTestFile(causationTreeView.getScene().getWindow(), node.id(), node.type());
            }
        });
        causationTreeView.setContextMenu(new ContextMenu(timeline, exportTest));
        causesButton.disableProperty().bind(model.causation().selected().isNull());
        effectsButton.disableProperty().bind(model.causation().selected().isNull());
        causationTreeView.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                model.causation().walkToCause();
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                model.causation().walkToEffect();
                e.consume();
            }
        });
    }

    /**
     * A tab not showing at the start gets its content when it is first selected: until then its
     * controls cost the window's first styling and layout nothing (the causation tab's are 77 of
     * the Events view's 930 nodes, two skinned buttons and a tree view among them).
     */
    private static void attachWhenFirstSelected(Tab tab) {
        Node content = tab.getContent();
        if (tab.isSelected() || content == null) {
            return;
        }
        tab.setContent(null);
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> selected, Boolean was, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content);
                }
            }
        });
    }

    private TreeItem<CausationItem> causationItem(CausationItem node) {
        TreeItem<CausationItem> item = new TreeItem<>(node);
        causationItems.put(node, item);
        node.children().forEach(child -> item.getChildren().add(causationItem(child)));
        item.setExpanded(true);
        return item;
    }

    private static TreeItem<JsonTreeNode> treeItem(JsonTreeNode node, int depth) {
        TreeItem<JsonTreeNode> item = new TreeItem<>(node);
        node.children().forEach(child -> item.getChildren().add(treeItem(child, depth + 1)));
        item.setExpanded(depth < 2);
        return item;
    }

    private EventSummary selectedSummary() {
        EventRow row = table.getSelectionModel().getSelectedItem();
        return row == null ? null : row.summary().get();
    }

    @FXML
    private void apply() {
        model.applyFilter();
    }

    @FXML
    private void clear() {
        model.clearFilter();
    }

    @FXML
    private void followCorrelation() {
        EventSummary s = selectedSummary();
        if (s != null && s.correlationId() != null) {
            model.followCorrelation(s.correlationId());
        }
    }

    @FXML
    private void walkToCause() {
        model.causation().walkToCause();
    }

    @FXML
    private void walkToEffect() {
        model.causation().walkToEffect();
    }

    @FXML
    private void copyJson() {
        EventDetail detail = model.detail().get();
        if (detail != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(detail.json());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
