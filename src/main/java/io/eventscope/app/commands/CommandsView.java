package io.eventscope.app.commands;

import static io.eventscope.app.Columns.showing;

import io.eventscope.app.cases.CaseDialogs;
import io.eventscope.shop.form.CommandSpec;
import io.eventscope.shop.form.FieldType;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Commands view's controller: builds the selected command's form and shows outcome and history. */
public final class CommandsView {
    private final CommandsViewModel model;

    @FXML private ListView<CommandSpec> commandList;
    @FXML private Label formTitle;
    @FXML private Label formAggregate;
    @FXML private GridPane fieldsGrid;
    @FXML private GridPane groupsGrid;
    @FXML private VBox itemsBox;
    @FXML private GridPane itemsGrid;
    @FXML private Label itemsError;
    @FXML private Button submitButton;
    @FXML private Label outcomeLabel;
    @FXML private Label reasonLabel;
    @FXML private ListView<Outcome.ProducedEvent> producedList;
    @FXML private TextArea producedJson;
    @FXML private TableView<HistoryEntry> historyTable;
    @FXML private TableColumn<HistoryEntry, String> historyTime;
    @FXML private TableColumn<HistoryEntry, String> historyCommand;
    @FXML private TableColumn<HistoryEntry, String> historyStatus;
    @FXML private TableColumn<HistoryEntry, Integer> historyEvents;
    @FXML private TableColumn<HistoryEntry, String> historyReason;
    @FXML private TableColumn<HistoryEntry, String> historyCorrelation;
    @FXML private Button runAgainButton;
    @FXML private Button showEventsButton;
    @FXML private Button exportTestButton;
    private final CaseDialogs cases;

    public CommandsView(CommandsViewModel model, CaseDialogs cases) {
        this.model = model;
        this.cases = cases;
    }

    @FXML
    private void initialize() {
        commandList.setItems(model.commands());
        commandList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CommandSpec spec, boolean empty) {
                super.updateItem(spec, empty);
                setText(empty || spec == null ? null : spec.name());
                setGraphic(empty || spec == null ? null : new Label(spec.aggregate()));
                if (getGraphic() != null) {
                    getGraphic().getStyleClass().add("text-muted");
                }
                setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            }
        });
        commandList.getSelectionModel().select(model.selected().get());
        commandList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selected().set(now);
            }
        });
        model.form().addListener((obs, old, form) -> showForm(form));
        showForm(model.form().get());
        submitButton.disableProperty().bind(model.running());
        submitButton.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                        () -> {
                            if (submitButton.isVisible() && submitButton.getScene() != null) {
                                model.submit();
                            }
                        });
            }
        });
        bindOutcome();
        bindHistory();
    }

    private void showForm(CommandForm form) {
        fieldsGrid.getChildren().clear();
        groupsGrid.getChildren().clear();
        itemsGrid.getChildren().clear();
        itemsBox.setVisible(form != null && form.hasItems());
        itemsBox.setManaged(itemsBox.isVisible());
        if (form == null) {
            formTitle.setText("");
            formAggregate.setText("");
            return;
        }
        formTitle.setText(form.commandName());
        formAggregate.setText(model.selected().get().aggregate());
        // Plain fields first, then the items table, then groups such as the address: the
        // order of the shop's commands, with the parts of a group kept together.
        int row = 0;
        int groupRow = 0;
        String group = null;
        for (FormField field : form.fields()) {
            String fieldGroup = form.groupOf(field);
            GridPane grid = fieldGroup == null ? fieldsGrid : groupsGrid;
            int at = fieldGroup == null ? row : groupRow;
            if (fieldGroup != null && !fieldGroup.equals(group)) {
                Label section = new Label(fieldGroup);
                section.getStyleClass().add("form-section");
                grid.add(section, 0, at++, 2, 1);
                String hint = form.groupHint(fieldGroup);
                if (hint != null) {
                    Label optional = new Label("optional: " + hint + "; fill all parts or none");
                    optional.getStyleClass().add("text-muted");
                    optional.setWrapText(true);
                    optional.setMaxWidth(420);
                    grid.add(optional, 0, at++, 2, 1);
                }
            }
            group = fieldGroup;
            grid.add(new Label(field.name() + (field.required() ? " *" : "")), 0, at);
            grid.add(input(field, field.path().replace('.', '-')), 1, at++);
            grid.add(errorLabel(field), 1, at++);
            if (fieldGroup == null) {
                row = at;
            } else {
                groupRow = at;
            }
        }
        if (form.hasItems()) {
            itemsError.textProperty().bind(form.itemsError());
            form.items().addListener((ListChangeListener<ItemRow>) c -> showItems(form));
            showItems(form);
        }
    }

    private void showItems(CommandForm form) {
        itemsGrid.getChildren().clear();
        List<String> columns = form.itemColumns();
        for (int c = 0; c < columns.size(); c++) {
            Label header = new Label(columns.get(c));
            header.getStyleClass().add("items-header");
            itemsGrid.add(header, c, 0);
        }
        int row = 1;
        for (int i = 0; i < form.items().size(); i++) {
            ItemRow item = form.items().get(i);
            for (int c = 0; c < item.parts().size(); c++) {
                FormField part = item.parts().get(c);
                itemsGrid.add(input(part, "item-" + i + "-" + part.name()), c, row);
                itemsGrid.add(errorLabel(part), c, row + 1);
            }
            Button remove = new Button(null, new FontIcon("mdi2d-delete-outline"));
            remove.getStyleClass().add("flat");
            remove.setTooltip(new Tooltip("Remove this item"));
            remove.setOnAction(e -> form.removeItem(item));
            itemsGrid.add(remove, item.parts().size(), row);
            row += 2;
        }
    }

    private static TextField input(FormField field, String id) {
        TextField input = new TextField();
        input.setId("field-" + id);
        input.textProperty().bindBidirectional(field.text());
        input.setPromptText(field.whenAbsent() != null ? field.whenAbsent()
                : field.type() == FieldType.DECIMAL ? "e.g. 12.50"
                : field.type() == FieldType.INTEGER ? "whole number" : null);
        input.setPrefColumnCount(field.type() == FieldType.STRING ? 18 : 8);
        return input;
    }

    private static Label errorLabel(FormField field) {
        Label error = new Label();
        error.getStyleClass().add("validation-error");
        error.textProperty().bind(field.error());
        error.managedProperty().bind(field.error().isNotEmpty());
        error.visibleProperty().bind(field.error().isNotEmpty());
        return error;
    }

    private void bindOutcome() {
        model.outcome().addListener((obs, old, outcome) -> showOutcome(outcome));
        showOutcome(null);
        producedList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Outcome.ProducedEvent event, boolean empty) {
                super.updateItem(event, empty);
                if (empty || event == null) {
                    setGraphic(null);
                    return;
                }
                Hyperlink link = new Hyperlink(event.eventType() + "  ·  " + event.streamId() + " v" + event.version()
                        + "  ·  position " + event.position());
                link.setTooltip(new Tooltip("Open in the Events view"));
                link.setOnAction(e -> model.openEvent(event));
                setGraphic(link);
            }
        });
        producedList.getSelectionModel().selectedItemProperty().addListener((obs, old, event) ->
                producedJson.setText(event == null ? "" : event.json()));
    }

    private void showOutcome(Outcome outcome) {
        outcomeLabel.getStyleClass().removeAll("accepted", "rejected");
        if (outcome == null) {
            outcomeLabel.setText("Submit a command to see what it produces.");
            outcomeLabel.setGraphic(null);
            reasonLabel.setText("");
            producedList.getItems().clear();
            producedJson.setText("");
            return;
        }
        outcomeLabel.setText(outcome.commandName() + (outcome.accepted()
                ? " accepted: " + outcome.events().size() + (outcome.events().size() == 1 ? " event" : " events")
                : " rejected"));
        outcomeLabel.setGraphic(new FontIcon(outcome.accepted() ? "mdi2c-check-circle" : "mdi2c-close-circle"));
        outcomeLabel.getStyleClass().add(outcome.accepted() ? "accepted" : "rejected");
        reasonLabel.setText(outcome.accepted() ? "correlation " + outcome.correlationId() : outcome.reason());
        producedList.getItems().setAll(outcome.events());
        if (!outcome.events().isEmpty()) {
            producedList.getSelectionModel().select(0);
        }
    }

    private void bindHistory() {
        historyTable.setItems(model.history());
        historyTime.setCellValueFactory(showing(HistoryEntry::time));
        historyCommand.setCellValueFactory(showing(HistoryEntry::commandType));
        historyStatus.setCellValueFactory(showing(HistoryEntry::status));
        historyEvents.setCellValueFactory(showing(HistoryEntry::eventCount));
        historyReason.setCellValueFactory(showing(HistoryEntry::reason));
        historyCorrelation.setCellValueFactory(showing(HistoryEntry::correlationId));
        model.selectedHistory().bind(historyTable.getSelectionModel().selectedItemProperty());
        runAgainButton.disableProperty().bind(model.selectedHistory().isNull());
        showEventsButton.disableProperty().bind(model.selectedHistory().isNull());
        exportTestButton.disableProperty().bind(model.selectedHistory().isNull());
    }

    @FXML
    private void exportAsTest() {
        HistoryEntry selected = model.selectedHistory().get();
        if (selected != null) {
            cases.chooseTestFile(historyTable.getScene().getWindow(), selected.entry().commandId(),
                    selected.commandType());
        }
    }

    @FXML
    private void addItem() {
        CommandForm form = model.form().get();
        if (form != null && form.hasItems()) {
            form.addItem();
        }
    }

    @FXML
    private void submit() {
        model.submit();
    }

    @FXML
    private void runAgain() {
        model.runAgain(model.selectedHistory().get());
    }

    @FXML
    private void showEvents() {
        model.showEvents(model.selectedHistory().get());
    }
}
