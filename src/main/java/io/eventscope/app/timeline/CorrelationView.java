package io.eventscope.app.timeline;

import static io.eventscope.app.Columns.showing;

import io.eventscope.app.TextCell;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

/**
 * Correlation mode's controller: the correlation's events and a slider over them, every
 * aggregate at the chosen step as a card, and the order's read-model row at that position.
 */
public final class CorrelationView {
    private final CorrelationViewModel correlation;
    private boolean syncing;

    @FXML private TextField correlationField;
    @FXML private Label correlationErrorLabel;
    @FXML private Label stepTitleLabel;
    @FXML private Button correlationWhatIfButton;
    @FXML private Slider correlationSlider;
    @FXML private ListView<EventItem> correlationEventList;
    @FXML private FlowPane aggregateCards;
    @FXML private Label orderRowTitleLabel;
    @FXML private TableView<OrderRowViewModel.Field> orderRowTable;
    @FXML private TableColumn<OrderRowViewModel.Field, String> orderColumnColumn;
    @FXML private TableColumn<OrderRowViewModel.Field, String> orderValueColumn;
    @FXML private Label orderRowPlaceholder;

    public CorrelationView(TimelineViewModel timeline) {
        this.correlation = timeline.correlation();
    }

    @FXML
    private void initialize() {
        correlationField.textProperty().bindBidirectional(correlation.correlationQuery());
        correlationErrorLabel.textProperty().bind(correlation.error());
        stepTitleLabel.textProperty().bind(correlation.stepTitle());
        correlationWhatIfButton.disableProperty().bind(correlation.shownStep().lessThan(1));
        bindSlider();
        correlationEventList.setItems(correlation.events());
        correlationEventList.setCellFactory(list -> new TextCell<>(e -> "#" + e.position() + "  " + e.streamId()
                + " v" + e.version() + "  " + e.eventType()));
        correlationEventList.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (!syncing && index.intValue() >= 0) {
                correlation.jumpTo(index.intValue() + 1);
            }
        });
        correlation.aggregates().addListener((ListChangeListener<AggregateCard>) c -> aggregateCards.getChildren()
                .setAll(correlation.aggregates().stream().map(AggregateCardView::of).toList()));
        OrderRowViewModel orderRow = correlation.orderRow();
        orderRowTitleLabel.textProperty().bind(orderRow.title());
        orderColumnColumn.setCellValueFactory(showing(OrderRowViewModel.Field::column));
        orderValueColumn.setCellValueFactory(showing(OrderRowViewModel.Field::value));
        orderRowTable.setItems(orderRow.fields());
        orderRowPlaceholder.textProperty().bind(orderRow.emptyText());
    }

    private void bindSlider() {
        correlationSlider.disableProperty().bind(correlation.correlationId().isEmpty());
        ScrubberControls.bindSlider(correlationSlider, correlation.lastStep(), correlation.step(),
                step -> correlation.jumpTo((int) step));
        correlation.step().addListener((obs, old, step) -> {
            syncing = true;
            ScrubberControls.showSelected(correlationEventList, step.intValue() - 1);
            syncing = false;
        });
    }

    @FXML
    private void open() {
        correlation.open();
    }

    @FXML
    private void previous() {
        correlation.previous();
    }

    @FXML
    private void whatIf() {
        correlation.whatIf();
    }

    @FXML
    private void next() {
        correlation.next();
    }
}
