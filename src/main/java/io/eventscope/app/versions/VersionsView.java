package io.eventscope.app.versions;

import static io.eventscope.app.Columns.showing;

import io.eventscope.app.TextCell;
import io.eventscope.engine.upcast.UpcastFailure;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionModel;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;

/** The Versions view's controller: binds the counts, events, failures and the comparison to the view model. */
public final class VersionsView {
    private static final List<String> CHANGE_STYLES = List.of("json-added", "json-removed", "json-changed");

    private final VersionsViewModel model;

    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar dryRunProgress;
    @FXML private Label summaryLabel;
    @FXML private TableView<VersionCount> versionsTable;
    @FXML private TableColumn<VersionCount, String> versionTypeColumn;
    @FXML private TableColumn<VersionCount, Integer> versionSchemaColumn;
    @FXML private TableColumn<VersionCount, Long> versionCountColumn;
    @FXML private TableColumn<VersionCount, String> versionBecomesColumn;
    @FXML private Button moreButton;
    @FXML private TableView<EventListing> eventsTable;
    @FXML private TableColumn<EventListing, Long> eventPositionColumn;
    @FXML private TableColumn<EventListing, String> eventStreamColumn;
    @FXML private TableColumn<EventListing, Long> eventVersionColumn;
    @FXML private TableColumn<EventListing, String> eventTimeColumn;
    @FXML private TableView<UpcastFailure> failuresTable;
    @FXML private TableColumn<UpcastFailure, Long> failurePositionColumn;
    @FXML private TableColumn<UpcastFailure, String> failureTypeColumn;
    @FXML private TableColumn<UpcastFailure, String> failureMessageColumn;
    @FXML private Label headlineLabel;
    @FXML private Button fixtureButton;
    @FXML private Label failureLabel;
    @FXML private Label storedTitle;
    @FXML private Label upcastedTitle;
    @FXML private ListView<JsonLine> storedJson;
    @FXML private ListView<JsonLine> upcastedJson;
    @FXML private ListView<ChainStep> stepsList;
    @FXML private Label stepsPlaceholder;
    @FXML private Label stepTitle;
    @FXML private ListView<JsonLine> stepJson;
    @FXML private ListView<String> stepChanges;

    public VersionsView(VersionsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        bindDryRun();
        bindVersions();
        bindEvents();
        bindFailures();
        bindComparison();
        bindSteps();
        model.activate();
    }

    private void bindDryRun() {
        runButton.disableProperty().bind(model.dryRunning());
        cancelButton.disableProperty().bind(model.dryRunning().not());
        dryRunProgress.progressProperty().bind(model.dryRunProgress());
        summaryLabel.textProperty().bind(model.summary());
    }

    private void bindVersions() {
        versionTypeColumn.setCellValueFactory(showing(VersionCount::eventType));
        versionSchemaColumn.setCellValueFactory(showing(VersionCount::schemaVersion));
        versionCountColumn.setCellValueFactory(showing(VersionCount::count));
        versionBecomesColumn.setCellValueFactory(showing(v -> v.becomes().isEmpty() ? "current" : v.becomes()));
        versionsTable.setItems(model.versions());
        syncSelection(versionsTable.getSelectionModel(), model.selectedVersion());
        // A new dry run replaces the rows; the same type and version stays selected.
        model.versions().addListener((ListChangeListener<VersionCount>) c -> {
            if (model.selectedVersion().get() != null) {
                versionsTable.getSelectionModel().select(model.selectedVersion().get());
            }
        });
    }

    private void bindEvents() {
        eventPositionColumn.setCellValueFactory(showing(EventListing::position));
        eventStreamColumn.setCellValueFactory(showing(EventListing::streamId));
        eventVersionColumn.setCellValueFactory(showing(EventListing::version));
        eventTimeColumn.setCellValueFactory(showing(EventListing::time));
        eventsTable.setItems(model.events());
        syncSelection(eventsTable.getSelectionModel(), model.selectedEvent());
        model.selectedEvent().addListener((obs, old, now) -> {
            if (now != null) {
                eventsTable.scrollTo(now);
            }
        });
        moreButton.disableProperty().bind(model.moreEvents().not());
    }

    private void bindFailures() {
        failurePositionColumn.setCellValueFactory(showing(UpcastFailure::position));
        failureTypeColumn.setCellValueFactory(showing(f -> f.eventType() + " v" + f.schemaVersion()));
        failureMessageColumn.setCellValueFactory(showing(f -> f.upcaster() + ": " + f.message()));
        failuresTable.setItems(model.failures());
        failuresTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.showFailure(now));
    }

    private void bindComparison() {
        storedJson.setCellFactory(list -> new JsonLineCell());
        upcastedJson.setCellFactory(list -> new JsonLineCell());
        fixtureButton.disableProperty().bind(model.canExportFixture().not());
        model.comparison().addListener((obs, old, shown) -> {
            headlineLabel.setText(shown == null ? "Select an event" : shown.headline());
            failureLabel.setText(shown == null || shown.failure() == null ? "" : shown.failure());
            failureLabel.setManaged(!failureLabel.getText().isEmpty());
            showLines(storedJson, shown == null ? List.of() : shown.overall().before());
            showLines(upcastedJson, shown == null ? List.of() : shown.overall().after());
            stepsList.getItems().setAll(shown == null ? List.of() : shown.steps());
            stepsPlaceholder.setText(shown == null ? "Select an event to see its chain"
                    : shown.trace() == null ? "The chain fails on this event" : "No upcaster applies: it is current");
            storedTitle.setText(shown == null ? "Stored" : "Stored · " + shown.stored().eventType() + " v"
                    + shown.stored().schemaVersion());
            upcastedTitle.setText(shown == null || shown.trace() == null ? "Upcasted"
                    : "Upcasted · " + shown.trace().upcasted().eventType() + " v"
                    + shown.trace().upcasted().schemaVersion());
        });
        failureLabel.setManaged(false);
    }

    private void bindSteps() {
        stepsList.setCellFactory(list -> TextCell.wrapping(ChainStep::label));
        stepChanges.setCellFactory(list -> TextCell.wrapping(String::valueOf));
        stepJson.setCellFactory(list -> new JsonLineCell());
        syncSelection(stepsList.getSelectionModel(), model.selectedStep());
        model.selectedStep().addListener((obs, old, step) -> {
            stepTitle.setText(step == null ? "Step result" : "Step " + step.number() + " result · " + step.typeAndVersion());
            showLines(stepJson, step == null ? List.of() : step.diff().after());
            stepChanges.getItems().setAll(step == null ? List.of() : step.diff().changes());
        });
    }

    /** Shows JSON lines scrolled to the first that changed, so the difference is in sight. */
    private static void showLines(ListView<JsonLine> list, List<JsonLine> lines) {
        list.getItems().setAll(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).change() != JsonLine.Change.SAME) {
                list.scrollTo(Math.max(0, i - 2));
                return;
            }
        }
        list.scrollTo(0);
    }

    /** Keeps a list's selection and the view model's property in step, both ways. */
    private static <T> void syncSelection(SelectionModel<T> selection, ObjectProperty<T> property) {
        selection.selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != property.get()) {
                property.set(now);
            }
        });
        property.addListener((obs, old, now) -> {
            if (now == null) {
                selection.clearSelection();
            } else if (selection.getSelectedItem() != now) {
                selection.select(now);
            }
        });
    }

    @FXML
    private void runDryRun() {
        model.runDryRun();
    }

    @FXML
    private void cancelDryRun() {
        model.cancelDryRun();
    }

    @FXML
    private void loadMore() {
        model.loadMoreEvents();
    }

    @FXML
    private void exportFixture() {
        EventComparison shown = model.comparison().get();
        if (shown == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export golden fixture");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Golden fixtures (*.json)", "*.json"));
        chooser.setInitialFileName(shown.stored().eventType().toLowerCase(Locale.ROOT) + "-v"
                + shown.stored().schemaVersion() + "-at-" + shown.stored().position() + ".json");
        File file = chooser.showSaveDialog(fixtureButton.getScene().getWindow());
        if (file != null) {
            model.exportFixture(file.toPath());
        }
    }

    /** A line of JSON, coloured by how it changed. */
    private static final class JsonLineCell extends ListCell<JsonLine> {
        @Override
        protected void updateItem(JsonLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(CHANGE_STYLES);
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.text());
            if (line.change() != JsonLine.Change.SAME) {
                getStyleClass().add("json-" + line.change().name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
