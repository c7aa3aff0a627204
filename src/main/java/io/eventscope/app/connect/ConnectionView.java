package io.eventscope.app.connect;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** The fields of the connection dialog, bound to its view model. */
public final class ConnectionView {
    private final ConnectionViewModel model;

    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private TextField databaseField;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private Label problemLabel;

    public ConnectionView(ConnectionViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        hostField.textProperty().bindBidirectional(model.host());
        portField.textProperty().bindBidirectional(model.port());
        databaseField.textProperty().bindBidirectional(model.database());
        userField.textProperty().bindBidirectional(model.user());
        passwordField.textProperty().bindBidirectional(model.password());
        problemLabel.textProperty().bind(model.problem());
    }
}
