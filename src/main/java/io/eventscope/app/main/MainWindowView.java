package io.eventscope.app.main;

import io.eventscope.app.Notices;
import io.eventscope.app.ViewEntry;
import io.eventscope.app.ViewFactory;
import io.eventscope.app.connect.ConnectionView;
import io.eventscope.app.connect.ConnectionViewModel;
import io.eventscope.app.cases.CaseDialogs;
import io.eventscope.app.importexport.ImportExportView;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.FadeTransition;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window's frame: menus, the side bar that switches views, the status bar. */
public final class MainWindowView {
    private final MainWindowViewModel model;
    private final ViewFactory views;
    private final ImportExportView importExport;
    private final ConnectionViewModel connection;
    private static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    private final CaseDialogs cases;
    private final Map<String, Parent> loaded = new HashMap<>();
    private final Map<String, ToggleButton> navButtons = new HashMap<>();

    @FXML private Menu recentMenu;
    @FXML private Menu viewMenu;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private VBox sideBar;
    @FXML private StackPane content;
    @FXML private Label storeLabel;
    @FXML private Label countLabel;
    @FXML private FontIcon liveDot;
    @FXML private Label noticeLabel;
    @FXML private Label taskLabel;
    @FXML private ProgressBar taskProgress;
    @FXML private Button cancelTaskButton;

    public MainWindowView(MainWindowViewModel model, ViewFactory views, ImportExportView importExport,
                          CaseDialogs cases, ConnectionViewModel connection) {
        this.model = model;
        this.views = views;
        this.importExport = importExport;
        this.cases = cases;
        this.connection = connection;
    }

    @FXML
    private void initialize() {
        storeLabel.textProperty().bind(model.storeName());
        countLabel.textProperty().bind(model.eventCount());
        model.arrivals().addListener((obs, old, now) -> flashLive());
        bindTheme();
        buildNavigation();
        bindRecentStores();
        bindTasks();
        model.notices().addListener((ListChangeListener<Notices.Notice>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::show);
            }
        });
    }

    private void bindTheme() {
        darkThemeItem.selectedProperty().bindBidirectional(model.darkTheme());
        Theme.apply(model.darkTheme().get());
        model.darkTheme().addListener((obs, was, dark) -> Theme.apply(dark));
    }

    private void buildNavigation() {
        ToggleGroup group = new ToggleGroup();
        List<ViewEntry> entries = model.navigation().entries();
        for (int i = 0; i < entries.size(); i++) {
            ViewEntry entry = entries.get(i);
            ToggleButton button = new ToggleButton(entry.title(), new FontIcon(entry.icon()));
            button.setId("nav-" + entry.id());
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(group);
            button.setOnAction(e -> model.navigation().show(entry.id()));
            navButtons.put(entry.id(), button);
            sideBar.getChildren().add(button);

            MenuItem item = new MenuItem(entry.title(), new FontIcon(entry.icon()));
            item.setOnAction(e -> model.navigation().show(entry.id()));
            if (i < 9) {
                KeyCombination key = new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                        KeyCombination.SHORTCUT_DOWN);
                item.setAccelerator(key);
                button.setTooltip(new Tooltip(entry.title() + " (" + key.getDisplayText() + ")"));
            }
            viewMenu.getItems().add(item);
        }
        model.navigation().selected().addListener((obs, old, now) -> showView(now));
        showView(model.navigation().selected().get());
    }

    private void showView(ViewEntry entry) {
        if (entry == null) {
            return;
        }
        Parent view = loaded.computeIfAbsent(entry.id(), id -> views.load(entry.controller()));
        content.getChildren().setAll(view);
        navButtons.get(entry.id()).setSelected(true);
    }

    private void bindRecentStores() {
        model.recentStores().addListener((ListChangeListener<Path>) c -> fillRecentMenu());
        model.recentSharedStores().addListener((ListChangeListener<String>) c -> fillRecentMenu());
        fillRecentMenu();
    }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        for (Path store : model.recentStores()) {
            MenuItem item = new MenuItem(store.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.openStore(store));
            recentMenu.getItems().add(item);
        }
        for (String store : model.recentSharedStores()) {
            MenuItem item = new MenuItem(store);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.openShared(store));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void bindTasks() {
        var current = model.currentTask();
        current.addListener((obs, old, task) -> showTask(task));
        showTask(current.getValue());
    }

    private void showTask(Task<?> task) {
        boolean running = task != null;
        taskLabel.setVisible(running);
        taskProgress.setVisible(running);
        cancelTaskButton.setVisible(running);
        taskLabel.textProperty().unbind();
        taskProgress.progressProperty().unbind();
        if (running) {
            taskLabel.textProperty().bind(task.titleProperty());
            taskProgress.progressProperty().bind(task.progressProperty());
            cancelTaskButton.setOnAction(e -> task.cancel());
            cancelTaskButton.setTooltip(new Tooltip("Cancel"));
        }
    }

    private void flashLive() {
        FadeTransition flash = new FadeTransition(Duration.millis(600), liveDot);
        liveDot.getStyleClass().add("live-active");
        flash.setFromValue(0.2);
        flash.setToValue(1.0);
        flash.setOnFinished(e -> liveDot.getStyleClass().remove("live-active"));
        flash.play();
    }

    private void show(Notices.Notice notice) {
        noticeLabel.setText(notice.title());
        if (notice.kind() == Notices.Kind.ERROR) {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.initOwner(window());
            alert.setTitle("Eventscope");
            alert.setHeaderText(notice.title());
            alert.setContentText(notice.text());
            alert.show();
        }
    }

    @FXML
    private void newStore() {
        FileChooser chooser = storeChooser("New store");
        chooser.setInitialFileName("store.mv.db");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.newStore(file.toPath());
        }
    }

    @FXML
    private void openStore() {
        File file = storeChooser("Open store").showOpenDialog(window());
        if (file != null) {
            model.openStore(file.toPath());
        }
    }

    @FXML
    private void openSharedStore() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle("Open a PostgreSQL store");
        dialog.getDialogPane().setContent(views.load(ConnectionView.class));
        dialog.getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(CONNECT).disableProperty().bind(connection.valid().not());
        dialog.showAndWait().filter(CONNECT::equals).ifPresentOrElse(b -> connection.connect(),
                () -> connection.password().set(""));
    }

    @FXML
    private void importEvents() {
        importExport.chooseImport();
    }

    @FXML
    private void exportEvents() {
        importExport.chooseExport();
    }

    @FXML
    private void openCase() {
        cases.chooseCaseToOpen(window());
    }

    @FXML
    private void importCase() {
        cases.chooseCaseToImport(window());
    }

    @FXML
    private void exportCase() {
        cases.chooseCaseToExport(window());
    }

    @FXML
    private void quit() {
        Window window = window();
        if (window != null) {
            window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
        }
    }

    private static FileChooser storeChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Eventscope stores (*.mv.db)", "*.mv.db"));
        return chooser;
    }

    private Window window() {
        return content.getScene() == null ? null : content.getScene().getWindow();
    }
}
