package io.eventscope.app.whatif;

import io.eventscope.app.Columns;
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
import javafx.scene.layout.HBox;

/** The What if window's controller: the change, the scope, and the outcome side by side. */
public final class WhatIfView {
    /** Rows that came out otherwise, highlighted by the style sheet. */
    private static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");

    private final WhatIfViewModel model;

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

    public WhatIfView(WhatIfViewModel model) {
        this.model = model;
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
    }

    @FXML
    private void run() {
        model.run();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }
}
