package io.eventscope.app.timeline;

import io.eventscope.app.ViewFactory;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One aggregate card's controller: its title and state, marked when the step's event landed in it. */
public final class AggregateCardView {
    private final AggregateCard aggregate;

    @FXML private VBox card;
    @FXML private Label titleLabel;
    @FXML private Label stateLabel;

    private AggregateCardView(AggregateCard aggregate) {
        this.aggregate = aggregate;
    }

    static Parent of(AggregateCard aggregate) {
        return ViewFactory.loadFor(new AggregateCardView(aggregate));
    }

    @FXML
    private void initialize() {
        titleLabel.setText(aggregate.title());
        stateLabel.setText(aggregate.stateJson());
        if (aggregate.changedHere()) {
            titleLabel.getStyleClass().add("changed");
            card.getStyleClass().add("changed");
        }
    }
}
