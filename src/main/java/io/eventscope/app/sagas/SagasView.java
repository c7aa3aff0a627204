package io.eventscope.app.sagas;

import io.eventscope.app.Columns;
import io.eventscope.app.TextCell;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.shop.saga.SagaMode;
import io.eventscope.shop.saga.SagaRecord;
import io.eventscope.shop.saga.SagaStepRecord;
import io.eventscope.shop.saga.StepKind;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Sagas view's controller: binds the knobs, the run, the saga list and the charts to the
 * view model, and draws the selected saga as swimlanes, one lane per service on the virtual
 * clock, with compensations as dashed arrows running back to the step they undo.
 */
public final class SagasView {
    private static final List<String> LANES = List.of("order", "inventory", "payment", "shipping");
    private static final double LEFT = 90;
    private static final double LANE_HEIGHT = 56;
    private static final double STEP_HEIGHT = 18;
    private static final double MIN_GAP = 26;

    private final SagasViewModel model;

    @FXML private Label scenarioLabel;
    @FXML private ChoiceBox<SagaMode> modeChoice;
    @FXML private Spinner<Integer> ordersSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private Spinner<Double> inventorySpinner;
    @FXML private Spinner<Double> paymentSpinner;
    @FXML private Spinner<Double> shippingSpinner;
    @FXML private Spinner<Double> compensationSpinner;
    @FXML private Button runBatchButton;
    @FXML private Button runOneButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar runProgress;
    @FXML private Label messageLabel;
    @FXML private ChoiceBox<SagaStatus> outcomeChoice;
    @FXML private TableView<SagaRecord> sagasTable;
    @FXML private TableColumn<SagaRecord, String> orderColumn;
    @FXML private TableColumn<SagaRecord, String> statusColumn;
    @FXML private TableColumn<SagaRecord, String> latencyColumn;
    @FXML private PieChart outcomeChart;
    @FXML private BarChart<String, Number> latencyChart;
    @FXML private Label sagaTitle;
    @FXML private Button causationButton;
    @FXML private Button timelineButton;
    @FXML private Pane swimlanes;
    @FXML private ListView<SagaStepRecord> stepsList;
    @FXML private TextArea beforeText;
    @FXML private TextArea afterText;

    public SagasView(SagasViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        bindKnobs();
        bindRun();
        bindSagas();
        bindCharts();
        bindSelection();
    }

    private void bindKnobs() {
        scenarioLabel.textProperty().bind(model.scenario().map(s -> "Scenario: " + s.name()));
        modeChoice.getItems().setAll(SagaMode.values());
        modeChoice.setConverter(converter(SagaMode::label));
        modeChoice.valueProperty().bindBidirectional(model.mode());
        ordersSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100_000, model.orders().get(), 100));
        ordersSpinner.valueProperty().addListener((obs, old, now) -> model.orders().set(now));
        SpinnerValueFactory.IntegerSpinnerValueFactory seeds = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                0, Integer.MAX_VALUE, (int) model.seed().get());
        seedSpinner.setValueFactory(seeds);
        seedSpinner.valueProperty().addListener((obs, old, now) -> model.seed().set(now));
        model.seed().addListener((obs, old, now) -> seeds.setValue(now.intValue()));
        probability(inventorySpinner, "inventory");
        probability(paymentSpinner, "payment");
        probability(shippingSpinner, "shipping");
        probability(compensationSpinner, "compensation");
    }

    private void probability(Spinner<Double> spinner, String knob) {
        SpinnerValueFactory.DoubleSpinnerValueFactory f = new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1,
                model.failure(knob).get(), 0.05);
        spinner.setValueFactory(f);
        spinner.valueProperty().addListener((obs, old, now) -> model.failure(knob).set(now));
        model.failure(knob).addListener((obs, old, now) -> f.setValue(now.doubleValue()));
    }

    private void bindRun() {
        runBatchButton.disableProperty().bind(model.running());
        runOneButton.disableProperty().bind(model.running());
        cancelButton.disableProperty().bind(model.running().not());
        runProgress.progressProperty().bind(model.progress());
        runProgress.visibleProperty().bind(model.running());
        messageLabel.textProperty().bind(model.message());
    }

    private void bindSagas() {
        outcomeChoice.getItems().add(null);
        outcomeChoice.getItems().addAll(SagaStatus.COMPLETED, SagaStatus.COMPENSATED, SagaStatus.NEEDS_INTERVENTION,
                SagaStatus.RUNNING, SagaStatus.COMPENSATING);
        outcomeChoice.setConverter(converter(s -> s == null ? "all outcomes" : s.label()));
        outcomeChoice.valueProperty().bindBidirectional(model.outcome());
        sagasTable.setItems(model.sagas());
        orderColumn.setCellValueFactory(Columns.showing(SagaRecord::orderId));
        statusColumn.setCellValueFactory(Columns.showing(s -> s.status().label()));
        latencyColumn.setCellValueFactory(Columns.showing(s -> s.latency().toMillis() + " ms"));
        sagasTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selected().set(now));
        model.selected().addListener((obs, old, now) -> {
            if (now != sagasTable.getSelectionModel().getSelectedItem()) {
                sagasTable.getSelectionModel().select(now);
                sagasTable.scrollTo(now);
            }
        });
    }

    private void bindCharts() {
        model.outcomes().addListener((obs, old, counts) -> showOutcomes());
        model.latencies().addListener((ListChangeListener<LatencyBucket>) change -> showLatencies());
        // The store's sagas may have loaded before this view was first shown.
        showOutcomes();
        showLatencies();
    }

    private void showOutcomes() {
        // One replacement, not clear-then-add: an animated pie that loses and regains its data draws no slices.
        outcomeChart.getData().setAll(model.outcomes().get().entrySet().stream()
                .map(e -> new PieChart.Data(e.getKey().label() + " " + e.getValue(), e.getValue())).toList());
    }

    private void showLatencies() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        model.latencies().forEach(b -> series.getData().add(new XYChart.Data<>(b.label(), b.sagas())));
        latencyChart.getData().setAll(List.of(series));
    }

    private void bindSelection() {
        causationButton.disableProperty().bind(model.selected().isNull());
        timelineButton.disableProperty().bind(model.selected().isNull());
        stepsList.setItems(model.steps());
        stepsList.setCellFactory(list -> new TextCell<>(s -> s.eventType() + " · " + s.lane() + " · " + s.detail()));
        stepsList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedStep().set(now));
        model.selected().addListener((obs, old, now) -> {
            sagaTitle.setText(now == null ? "Select a saga" : "Saga of order " + now.orderId() + " (" + now.mode() + "): "
                    + now.status().label());
            draw(now);
        });
        model.selectedStep().addListener((obs, old, now) -> {
            beforeText.setText(now == null ? "" : now.beforeText());
            afterText.setText(now == null ? "" : now.afterText());
            if (now != null && stepsList.getSelectionModel().getSelectedItem() != now) {
                stepsList.getSelectionModel().select(now);
            }
            draw(model.selected().get());
        });
    }

    /** One lane per service; each step a box on the virtual clock; compensations run back to the step they undo. */
    private void draw(SagaRecord saga) {
        swimlanes.getChildren().clear();
        if (saga == null) {
            return;
        }
        Map<SagaStepRecord, Double> xs = positions(saga);
        double width = xs.values().stream().mapToDouble(Double::doubleValue).max().orElse(LEFT) + 60;
        swimlanes.setPrefSize(Math.max(width, 600), LANES.size() * LANE_HEIGHT + 10);
        for (int i = 0; i < LANES.size(); i++) {
            Text label = new Text(8, laneY(LANES.get(i)) + 4, LANES.get(i));
            label.getStyleClass().add("lane-label");
            Line line = new Line(LEFT - 10, laneY(LANES.get(i)), width, laneY(LANES.get(i)));
            line.getStyleClass().add("lane-line");
            swimlanes.getChildren().addAll(line, label);
        }
        Map<String, SagaStepRecord> forwardByLane = new HashMap<>();
        SagaStepRecord previous = null;
        for (SagaStepRecord step : saga.steps()) {
            double x = xs.get(step);
            double y = laneY(step.lane());
            if (previous != null && step.kind() != StepKind.COMPENSATION) {
                Line link = new Line(xs.get(previous) + 6, laneY(previous.lane()), x - 6, y);
                link.getStyleClass().add("forward-link");
                swimlanes.getChildren().add(link);
            }
            if (step.kind() == StepKind.FORWARD) {
                forwardByLane.put(step.lane(), step);
            }
            if (step.kind() == StepKind.COMPENSATION && forwardByLane.containsKey(step.lane())) {
                swimlanes.getChildren().addAll(arrowBack(x, xs.get(forwardByLane.get(step.lane())), y - STEP_HEIGHT));
            }
            Rectangle box = new Rectangle(x - 6, y - STEP_HEIGHT / 2, 12, STEP_HEIGHT);
            box.getStyleClass().add("step-" + step.kind().name().toLowerCase());
            if (step == model.selectedStep().get()) {
                box.getStyleClass().add("step-selected");
            }
            box.setUserData(step);
            Tooltip.install(box, new Tooltip(step.eventType() + " at " + step.endedAt() + "\n" + step.detail()));
            box.setOnMouseClicked(e -> model.selectedStep().set(step));
            swimlanes.getChildren().add(box);
            previous = step;
        }
    }

    /** A dashed arrow from the compensation back (leftwards, against the clock) to the step it undoes. */
    private static List<Node> arrowBack(double fromX, double toX, double y) {
        Line shaft = new Line(fromX, y, toX + 8, y);
        shaft.getStyleClass().add("compensation-arrow");
        Polygon head = new Polygon(toX, y, toX + 9, y - 5, toX + 9, y + 5);
        head.getStyleClass().add("compensation-arrow-head");
        return List.of(shaft, head);
    }

    /** x of each step: its time on the saga's clock, pushed right so steps close in time stay apart. */
    private Map<SagaStepRecord, Double> positions(SagaRecord saga) {
        Instant start = saga.startedAt();
        double span = Math.max(1, Duration.between(start, saga.endedAt()).toMillis());
        double scale = Math.max(700, saga.steps().size() * MIN_GAP * 1.5) / span;
        Map<SagaStepRecord, Double> xs = new HashMap<>();
        double last = LEFT - MIN_GAP;
        for (SagaStepRecord step : saga.steps()) {
            double x = Math.max(LEFT + Duration.between(start, step.endedAt()).toMillis() * scale, last + MIN_GAP);
            xs.put(step, x);
            last = x;
        }
        return xs;
    }

    private static double laneY(String lane) {
        return 30 + LANES.indexOf(lane) * LANE_HEIGHT;
    }

    @FXML
    private void runBatch() {
        model.run(false);
    }

    @FXML
    private void runOne() {
        model.run(true);
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void openCausationTree() {
        model.openCausationTree();
    }

    @FXML
    private void openTimeline() {
        model.openTimeline();
    }

    @FXML
    private void loadScenario() {
        File file = chooser().showOpenDialog(swimlanes.getScene().getWindow());
        if (file != null) {
            model.load(file.toPath());
        }
    }

    @FXML
    private void saveScenario() {
        File file = chooser().showSaveDialog(swimlanes.getScene().getWindow());
        if (file != null) {
            model.save(file.toPath());
        }
    }

    private static FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Saga scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario JSON", "*.json"));
        return chooser;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
