package io.eventscope.app.readmodels;

import io.eventscope.app.BackgroundWork;
import io.eventscope.app.NewestRequestWins;
import io.eventscope.app.StoreSession;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.projection.ProjectionException;
import io.eventscope.engine.projection.ProjectionStatus;
import io.eventscope.engine.projection.QueryResult;
import io.eventscope.engine.projection.ReadModels;
import io.eventscope.engine.projection.ReadOnlySql;
import io.eventscope.engine.projection.ReadOnlyViolation;
import io.eventscope.engine.projection.RebuildReport;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * The Read models view's state and commands: each projection's status refreshed twice a
 * second, rebuild (with progress and cancel), pause, resume, retry and skip of the selected
 * one, a page-by-page browser of each read model table that reloads its page while the table's
 * projection moves, and the read-only SQL console. All engine work runs as tasks; this class
 * only touches properties on the FX thread.
 */
public final class ReadModelsViewModel {
    static final int PAGE = 500;
    private static final int CONSOLE_ROWS = 10_000;

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final ObservableList<ProjectionRow> projections = FXCollections.observableArrayList();
    private final ObjectProperty<ProjectionRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty rebuilding = new SimpleBooleanProperty();
    private final DoubleProperty rebuildProgress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final StringProperty table = new SimpleStringProperty();
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final ObjectProperty<QueryResult> tableRows = new SimpleObjectProperty<>();
    private final StringProperty sql = new SimpleStringProperty("SELECT * FROM order_read_model ORDER BY created_at DESC");
    private final ObjectProperty<QueryResult> sqlResult = new SimpleObjectProperty<>();
    private final StringProperty sqlMessage = new SimpleStringProperty("");
    private final BooleanProperty sqlRunning = new SimpleBooleanProperty();
    private final Timeline refresher = new Timeline(new KeyFrame(Duration.millis(500), e -> refresh()));
    private final NewestRequestWins<BrowseRequest, QueryResult> browser;
    private Task<RebuildReport> rebuild;
    private ReadOnlySql console;
    private boolean refreshing;
    /** What the browser asked for last, null when it shows nothing. */
    private BrowseRequest browsed;

    /** One page of a read model table, as of its projection's generation and checkpoint. */
    private record BrowseRequest(ReadOnlySql console, String table, int page, int generation, long checkpoint) {
        /** The same page of the same table, maybe as of another checkpoint. */
        boolean samePage(BrowseRequest other) {
            return other != null && console == other.console && table.equals(other.table) && page == other.page;
        }

        String sql() {
            return "SELECT * FROM " + table.substring(table.indexOf('.') + 1) + " ORDER BY 1 LIMIT " + (PAGE + 1)
                    + " OFFSET " + page * PAGE;
        }
    }

    public ReadModelsViewModel(Workspace workspace, TaskExecutor tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        refresher.setCycleCount(Animation.INDEFINITE);
        browser = new NewestRequestWins<>(tasks, request -> progress -> request.console().run(request.sql(), PAGE),
                (request, rows) -> {
                    if (request.samePage(browsed)) {
                        tableRows.set(rows); // newer than what is shown, even when a newer load is wanted
                    }
                });
        workspace.session().addListener((obs, old, now) -> storeChanged(now));
        table.addListener((obs, old, now) -> {
            page.set(0);
            loadTable();
        });
        page.addListener((obs, old, now) -> loadTable());
        storeChanged(workspace.session().get());
    }

    public ObservableList<ProjectionRow> projections() {
        return projections;
    }

    public ObjectProperty<ProjectionRow> selected() {
        return selected;
    }

    public BooleanProperty rebuilding() {
        return rebuilding;
    }

    public DoubleProperty rebuildProgress() {
        return rebuildProgress;
    }

    /** What the last command did, or why it could not. */
    public StringProperty message() {
        return message;
    }

    /** Every read model table, as {@code projection.table}. */
    public ObservableList<String> tables() {
        return tables;
    }

    public StringProperty table() {
        return table;
    }

    /** The page of the table shown, from 0, {@link #PAGE} rows each. */
    public IntegerProperty page() {
        return page;
    }

    public ObjectProperty<QueryResult> tableRows() {
        return tableRows;
    }

    public StringProperty sql() {
        return sql;
    }

    public ObjectProperty<QueryResult> sqlResult() {
        return sqlResult;
    }

    public StringProperty sqlMessage() {
        return sqlMessage;
    }

    public BooleanProperty sqlRunning() {
        return sqlRunning;
    }

    /** True when the selected projection is parked: retry and skip apply. */
    public BooleanBinding selectedParked() {
        return Bindings.createBooleanBinding(() -> {
            ProjectionRow row = selected.get();
            return row != null && row.status().get().parkedPosition() != null;
        }, selected, refresher.currentTimeProperty());
    }

    public void rebuild() {
        ProjectionRow row = selected.get();
        ReadModels models = readModels();
        if (row == null || models == null || rebuilding.get()) {
            return;
        }
        rebuilding.set(true);
        message.set("Rebuilding " + row.name() + "…");
        rebuild = tasks.run("Rebuilding " + row.name(), progress -> models.rebuild(row.name(), monitor(progress)),
                report -> {
                    rebuilding.set(false);
                    rebuildProgress.unbind();
                    rebuildProgress.set(report.completed() ? 1 : 0);
                    message.set(report.completed()
                            ? "Rebuilt " + report.name() + " up to position " + report.checkpoint() + " in "
                            + report.millis() + " ms: generation " + report.generation() + " is live."
                            : "Rebuild of " + report.name() + " cancelled; the live read model is unchanged.");
                    loadTables();
                });
        rebuildProgress.bind(rebuild.progressProperty());
        Runnable ended = () -> {
            rebuilding.set(false);
            rebuildProgress.unbind();
            rebuildProgress.set(0);
        };
        rebuild.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            ended.run();
            message.set(rebuild.getException().getMessage());
        });
        rebuild.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            ended.run();
            message.set("Rebuild of " + row.name() + " cancelled; the live read model is unchanged.");
        });
    }

    public void cancelRebuild() {
        if (rebuild != null) {
            rebuild.cancel();
        }
    }

    public void pause() {
        onSelected("Paused", ReadModels::pause);
    }

    public void resume() {
        onSelected("Resumed", ReadModels::resume);
    }

    public void retry() {
        onSelected("Retrying the parked event of", ReadModels::retry);
    }

    public void skip() {
        onSelected("Skipped (and recorded) the parked event of", ReadModels::skip);
    }

    public void previousPage() {
        page.set(Math.max(0, page.get() - 1));
    }

    public void nextPage() {
        QueryResult shown = tableRows.get();
        if (shown != null && shown.truncated()) {
            page.set(page.get() + 1);
        }
    }

    /** Runs the console's text off the FX thread; writes come back as the read-only refusal. */
    public void runSql() {
        ReadOnlySql own = console;
        String text = sql.get();
        if (own == null || sqlRunning.get()) {
            return;
        }
        sqlRunning.set(true);
        sqlMessage.set("Running…");
        Task<Object> task = tasks.run(progress -> {
            try {
                return own.run(text, CONSOLE_ROWS);
            } catch (ReadOnlyViolation | ProjectionException | ReadOnlySql.QueryCancelled e) {
                return e;
            }
        }, outcome -> {
            sqlRunning.set(false);
            if (outcome instanceof QueryResult result) {
                sqlResult.set(result);
                sqlMessage.set(result.rows().size() + (result.truncated() ? "+ rows (the first "
                        + CONSOLE_ROWS + " shown)" : " rows"));
            } else {
                sqlMessage.set(((RuntimeException) outcome).getMessage());
            }
        });
        task.setOnFailed(e -> sqlRunning.set(false));
    }

    /** Stops the running console query; the database cancels it, no thread is interrupted. */
    public void cancelSql() {
        ReadOnlySql own = console;
        if (own != null) {
            tasks.run(progress -> {
                own.cancel();
                return null;
            }, ignored -> { });
        }
    }

    public void close() {
        refresher.stop();
    }

    private void onSelected(String done, SelectedCommand command) {
        ProjectionRow row = selected.get();
        ReadModels models = readModels();
        if (row == null || models == null) {
            return;
        }
        tasks.run(progress -> {
            try {
                command.run(models, row.name());
                return done + " " + row.name() + ".";
            } catch (ProjectionException e) {
                return e.getMessage();
            }
        }, text -> {
            message.set(text);
            refresh();
        });
    }

    @FunctionalInterface
    private interface SelectedCommand {
        void run(ReadModels models, String name);
    }

    private ReadModels readModels() {
        StoreSession session = workspace.session().get();
        return session == null ? null : session.engine().readModels();
    }

    private void storeChanged(StoreSession session) {
        projections.clear();
        tables.clear();
        tableRows.set(null);
        sqlResult.set(null);
        console = null;
        browsed = null;
        browser.forget();
        refresher.stop();
        if (session == null || session.engine().readModels().names().isEmpty()) {
            return;
        }
        ReadModels models = session.engine().readModels();
        tasks.run(progress -> models.console(), made -> {
            if (readModels() == models) {
                console = made;
                loadTables();
            }
        });
        refresher.play();
        refresh();
    }

    private void refresh() {
        ReadModels models = readModels();
        if (models == null || refreshing) {
            return;
        }
        refreshing = true;
        Task<List<ProjectionStatus>> task = tasks.run(progress -> models.status(), statuses -> {
            refreshing = false;
            if (readModels() == models) {
                show(statuses);
            }
        });
        task.setOnFailed(e -> refreshing = false);
    }

    private void show(List<ProjectionStatus> statuses) {
        if (projections.size() != statuses.size()) {
            List<ProjectionRow> rows = new ArrayList<>();
            statuses.forEach(s -> rows.add(new ProjectionRow(s)));
            projections.setAll(rows);
            if (selected.get() == null && !rows.isEmpty()) {
                selected.set(rows.get(0));
            }
        } else {
            for (int i = 0; i < statuses.size(); i++) {
                projections.get(i).update(statuses.get(i));
            }
        }
        if (browsed != null && !browsed.equals(browseRequest())) {
            loadTable(); // its projection moved on, or a rebuild swapped in another generation
        }
    }

    private void loadTables() {
        ReadModels models = readModels();
        if (models == null) {
            return;
        }
        tasks.run(progress -> {
            List<String> all = new ArrayList<>();
            for (String name : models.names()) {
                models.tables(name).forEach(t -> all.add(name + "." + t));
            }
            return all;
        }, all -> {
            tables.setAll(all);
            if (table.get() == null || !all.contains(table.get())) {
                table.set(all.isEmpty() ? null : all.get(0));
            } else {
                loadTable();
            }
        });
    }

    /** One page of the chosen table, through the read-only console like any query a person types. */
    private void loadTable() {
        browsed = browseRequest();
        if (browsed == null) {
            browser.forget();
            tableRows.set(null);
        } else {
            browser.request(browsed);
        }
    }

    /** The page the browser should show now, null when there is no table or console yet. */
    private BrowseRequest browseRequest() {
        String chosen = table.get();
        if (console == null || chosen == null) {
            return null;
        }
        String projection = chosen.substring(0, chosen.indexOf('.'));
        ProjectionStatus status = projections.stream().filter(p -> p.name().equals(projection))
                .map(p -> p.status().get()).findFirst().orElse(null);
        return new BrowseRequest(console, chosen, page.get(), status == null ? 0 : status.generation(),
                status == null ? 0 : status.checkpoint());
    }

    private static ProgressMonitor monitor(BackgroundWork.Progress progress) {
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                progress.update(done, total);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }
}
