package io.eventscope.app.readmodels;

import io.eventscope.engine.projection.ProjectionStatus;
import io.eventscope.engine.projection.QueryResult;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

/** The Read models view's controller: binds the projections, the table browser and the console to the view model. */
public final class ReadModelsView {
    private final ReadModelsViewModel model;

    @FXML private TableView<ProjectionRow> projectionsTable;
    @FXML private TableColumn<ProjectionRow, String> nameColumn;
    @FXML private TableColumn<ProjectionRow, String> stateColumn;
    @FXML private TableColumn<ProjectionRow, String> generationColumn;
    @FXML private TableColumn<ProjectionRow, String> checkpointColumn;
    @FXML private TableColumn<ProjectionRow, String> lagColumn;
    @FXML private TableColumn<ProjectionRow, String> errorColumn;
    @FXML private Button rebuildButton;
    @FXML private Button cancelRebuildButton;
    @FXML private ProgressBar rebuildProgress;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button retryButton;
    @FXML private Button skipButton;
    @FXML private Label messageLabel;
    @FXML private ComboBox<String> tableChoice;
    @FXML private Label pageLabel;
    @FXML private TableView<List<String>> browseTable;
    @FXML private TextArea sqlText;
    @FXML private Button runSqlButton;
    @FXML private Button cancelSqlButton;
    @FXML private ProgressIndicator sqlSpinner;
    @FXML private Label sqlMessageLabel;
    @FXML private TableView<List<String>> sqlTable;

    public ReadModelsView(ReadModelsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        projectionsTable.setItems(model.projections());
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        status(stateColumn, s -> s.rebuilding() ? s.state() + " (rebuilding)" : s.state().name());
        status(generationColumn, s -> String.valueOf(s.generation()));
        status(checkpointColumn, s -> String.valueOf(s.checkpoint()));
        status(lagColumn, s -> String.valueOf(s.lag()));
        status(errorColumn, s -> s.lastError() == null ? "" : s.lastError());
        projectionsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selected().set(now);
            }
        });
        model.selected().addListener((obs, old, now) -> projectionsTable.getSelectionModel().select(now));
        projectionsTable.getSelectionModel().select(model.selected().get());

        rebuildButton.disableProperty().bind(model.rebuilding().or(model.selected().isNull()));
        cancelRebuildButton.disableProperty().bind(model.rebuilding().not());
        rebuildProgress.progressProperty().bind(model.rebuildProgress());
        retryButton.disableProperty().bind(model.selectedParked().not());
        skipButton.disableProperty().bind(model.selectedParked().not());
        pauseButton.disableProperty().bind(model.selected().isNull());
        resumeButton.disableProperty().bind(model.selected().isNull());
        messageLabel.textProperty().bind(model.message());

        tableChoice.setItems(model.tables());
        tableChoice.valueProperty().bindBidirectional(model.table());
        pageLabel.textProperty().bind(Bindings.createStringBinding(() -> "rows " + (model.page().get()
                * ReadModelsViewModel.PAGE + 1) + "–" + (model.page().get() + 1) * ReadModelsViewModel.PAGE,
                model.page()));
        model.tableRows().addListener((obs, old, now) -> show(browseTable, now));
        show(browseTable, model.tableRows().get()); // the first page may have loaded before this view was shown

        sqlText.textProperty().bindBidirectional(model.sql());
        runSqlButton.disableProperty().bind(model.sqlRunning());
        cancelSqlButton.disableProperty().bind(model.sqlRunning().not());
        sqlSpinner.visibleProperty().bind(model.sqlRunning());
        sqlMessageLabel.textProperty().bind(model.sqlMessage());
        model.sqlResult().addListener((obs, old, now) -> show(sqlTable, now));
        show(sqlTable, model.sqlResult().get());
    }

    private static void status(TableColumn<ProjectionRow, String> column, Function<ProjectionStatus, String> text) {
        column.setCellValueFactory(c -> Bindings.createStringBinding(() -> text.apply(c.getValue().status().get()),
                c.getValue().status()));
    }

    /**
     * Shows a result, making columns for it when they differ from those shown (read models have
     * whatever columns their migrations made); the same columns stay, with their widths, while a
     * browsed page reloads.
     */
    private static void show(TableView<List<String>> table, QueryResult result) {
        if (result == null) {
            table.getColumns().clear();
            table.getItems().clear();
            return;
        }
        if (!table.getColumns().stream().map(TableColumn::getText).toList().equals(result.columns())) {
            columns(table, result.columns());
        }
        table.getItems().setAll(result.rows().size() > ReadModelsViewModel.PAGE && table.getId().equals("browseTable")
                ? result.rows().subList(0, ReadModelsViewModel.PAGE) : result.rows());
    }

    private static void columns(TableView<List<String>> table, List<String> names) {
        table.getColumns().clear();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(names.get(i));
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().get(index)));
            column.setPrefWidth(140);
            table.getColumns().add(column);
        }
    }

    @FXML private void rebuild() { model.rebuild(); }
    @FXML private void cancelRebuild() { model.cancelRebuild(); }
    @FXML private void pause() { model.pause(); }
    @FXML private void resume() { model.resume(); }
    @FXML private void retry() { model.retry(); }
    @FXML private void skip() { model.skip(); }
    @FXML private void previousPage() { model.previousPage(); }
    @FXML private void nextPage() { model.nextPage(); }
    @FXML private void runSql() { model.runSql(); }
    @FXML private void cancelSql() { model.cancelSql(); }
}
