package io.eventscope.app.bridges;

import static io.eventscope.app.Columns.showing;

import io.eventscope.bridge.ConsumedMessage;
import io.eventscope.bridge.DeadLetter;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;

/** The Bridges view's controller: binds the connection form, the arrivals, publishing, EventBridge and dead letters. */
public final class BridgesView {
    private final BridgesViewModel model;

    @FXML private TextField uriField;
    @FXML private PasswordField passwordField;
    @FXML private TextField exchangeField;
    @FXML private TextField queueField;
    @FXML private TextField bindingField;
    @FXML private ChoiceBox<ConsumeInto> intoBox;
    @FXML private Button connectButton;
    @FXML private Button disconnectButton;
    @FXML private Label statusLabel;
    @FXML private ToggleButton pauseButton;
    @FXML private Button openButton;
    @FXML private TableView<ConsumedMessage> messagesTable;
    @FXML private TableColumn<ConsumedMessage, String> arrivedColumn;
    @FXML private TableColumn<ConsumedMessage, String> outcomeColumn;
    @FXML private TableColumn<ConsumedMessage, String> routingKeyColumn;
    @FXML private TableColumn<ConsumedMessage, String> typeColumn;
    @FXML private TableColumn<ConsumedMessage, String> streamColumn;
    @FXML private TableColumn<ConsumedMessage, String> reasonColumn;
    @FXML private TextArea inspectArea;
    @FXML private TextField positionsField;
    @FXML private Button publishButton;
    @FXML private TextField sourceField;
    @FXML private TextField busField;
    @FXML private TextArea previewArea;
    @FXML private TableView<DeadLetter> lettersTable;
    @FXML private TableColumn<DeadLetter, String> letterAtColumn;
    @FXML private TableColumn<DeadLetter, Integer> letterAttemptsColumn;
    @FXML private TableColumn<DeadLetter, String> letterKeyColumn;
    @FXML private TableColumn<DeadLetter, String> letterReasonColumn;
    @FXML private TableColumn<DeadLetter, String> letterIdColumn;
    @FXML private Button retryButton;
    @FXML private Button discardButton;

    public BridgesView(BridgesViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        uriField.textProperty().bindBidirectional(model.uri());
        exchangeField.textProperty().bindBidirectional(model.exchange());
        queueField.textProperty().bindBidirectional(model.queue());
        bindingField.textProperty().bindBidirectional(model.binding());
        intoBox.getItems().setAll(ConsumeInto.values());
        intoBox.valueProperty().bindBidirectional(model.into());
        for (Control c : new Control[] {uriField, passwordField, exchangeField, queueField, bindingField, intoBox}) {
            c.disableProperty().bind(model.connected());
        }
        connectButton.disableProperty().bind(model.connected());
        disconnectButton.disableProperty().bind(model.connected().not());
        publishButton.disableProperty().bind(model.connected().not());
        statusLabel.textProperty().bind(model.status());
        pauseButton.selectedProperty().bindBidirectional(model.paused());

        messagesTable.setItems(model.messages());
        arrivedColumn.setCellValueFactory(showing(m -> m.arrivedAt().toString()));
        outcomeColumn.setCellValueFactory(showing(m -> m.outcome().toString()));
        routingKeyColumn.setCellValueFactory(showing(ConsumedMessage::routingKey));
        typeColumn.setCellValueFactory(showing(ConsumedMessage::eventType));
        streamColumn.setCellValueFactory(showing(ConsumedMessage::streamId));
        reasonColumn.setCellValueFactory(showing(ConsumedMessage::reason));
        messagesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, m) -> model.selectedMessage().set(m));
        inspectArea.textProperty().bind(model.inspected());
        openButton.disableProperty().bind(model.selectedMessage().isNull());

        positionsField.textProperty().bindBidirectional(model.positions());
        sourceField.textProperty().bindBidirectional(model.source());
        busField.textProperty().bindBidirectional(model.busName());
        previewArea.textProperty().bind(model.preview());

        lettersTable.setItems(model.deadLetters());
        letterAtColumn.setCellValueFactory(showing(l -> l.deadLetteredAt() == null ? "" : l.deadLetteredAt().toString()));
        letterAttemptsColumn.setCellValueFactory(showing(DeadLetter::attempts));
        letterKeyColumn.setCellValueFactory(showing(DeadLetter::routingKey));
        letterReasonColumn.setCellValueFactory(showing(DeadLetter::reason));
        letterIdColumn.setCellValueFactory(showing(DeadLetter::id));
        lettersTable.getSelectionModel().selectedItemProperty().addListener((obs, old, l) -> model.selectedLetter().set(l));
        retryButton.disableProperty().bind(model.selectedLetter().isNull());
        discardButton.disableProperty().bind(model.selectedLetter().isNull());
    }

    @FXML
    private void connect() {
        char[] password = passwordField.getText().toCharArray();
        passwordField.clear(); // the factory has it now; the field need not keep it
        model.connect(password);
    }

    @FXML
    private void disconnect() {
        model.disconnect();
    }

    @FXML
    private void openInEvents() {
        model.openInEvents();
    }

    @FXML
    private void publish() {
        model.publish();
    }

    @FXML
    private void previewEventBridge() {
        model.previewEventBridge();
    }

    @FXML
    private void refreshDeadLetters() {
        model.refreshDeadLetters();
    }

    @FXML
    private void retryDeadLetter() {
        model.retryDeadLetter();
    }

    @FXML
    private void discardDeadLetter() {
        model.discardDeadLetter();
    }
}
