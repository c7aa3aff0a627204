package io.eventscope.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The workbench window. */
public class App extends Application {

    public static void launchWith(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Eventscope");
        stage.setScene(new Scene(new StackPane(new Label("Eventscope")), 1280, 800));
        stage.show();
    }
}
