package io.eventscope.app.timeline;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;

/** The stream mode bar's controller: the stream search box, the transport buttons, speed and the slider. */
public final class ScrubberView {
    private final TimelineViewModel model;
    private final StreamViewModel stream;
    private final FrameScheduler scrubber;
    private final PlaybackViewModel playback;
    private Runnable afterOpen = () -> { };

    @FXML private TextField streamField;
    @FXML private Label foldedByLabel;
    @FXML private Label streamErrorLabel;
    @FXML private FontIcon playIcon;
    @FXML private ComboBox<Double> speedBox;
    @FXML private CheckBox realTimeBox;
    @FXML private Label positionLabel;
    @FXML private Label statusLabel;
    @FXML private Slider slider;

    public ScrubberView(TimelineViewModel model) {
        this.model = model;
        this.stream = model.stream();
        this.scrubber = model.scrubber();
        this.playback = model.playback();
    }

    @FXML
    private void initialize() {
        bindStream();
        bindPlayback();
        bindSlider();
    }

    private void bindStream() {
        streamField.textProperty().bindBidirectional(stream.streamQuery());
        TextFields.bindAutoCompletion(streamField, request -> stream.suggest(request.getUserText()))
                .setOnAutoCompleted(e -> open(e.getCompletion()));
        streamField.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                stream.refreshStreams();
            }
        });
        foldedByLabel.textProperty().bind(stream.foldedBy().map(f -> f.isEmpty() ? "" : "folded by " + f));
        streamErrorLabel.textProperty().bind(stream.streamError());
    }

    private void bindPlayback() {
        statusLabel.textProperty().bind(playback.status());
        playback.playing().addListener((obs, was, playing) ->
                playIcon.setIconLiteral(playing ? "mdi2p-pause" : "mdi2p-play"));
        speedBox.getItems().setAll(playback.speeds());
        speedBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double speed) {
                return speed == null ? "" : (speed == Math.floor(speed) ? String.valueOf(speed.intValue()) : speed) + "x";
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("x", ""));
            }
        });
        speedBox.setValue(playback.speed().get());
        speedBox.valueProperty().addListener((obs, old, speed) -> playback.speed().set(speed));
        realTimeBox.selectedProperty().bindBidirectional(playback.realTime());
        positionLabel.textProperty().bind(scrubber.position().asString("v%d")
                .concat(scrubber.length().asString(" / %d")));
    }

    private void bindSlider() {
        slider.disableProperty().bind(stream.streamId().isEmpty());
        ScrubberControls.bindSlider(slider, model);
    }

    /** What to do once a stream is asked for: the stream mode takes the focus, so the keys move through versions. */
    void setAfterOpen(Runnable then) {
        afterOpen = then;
    }

    private void open(String id) {
        model.openStream(id);
        afterOpen.run();
    }

    @FXML
    private void openStream() {
        open(streamField.getText());
    }

    @FXML
    private void first() {
        model.first();
    }

    @FXML
    private void previous() {
        model.previous();
    }

    @FXML
    private void togglePlay() {
        playback.togglePlay();
    }

    @FXML
    private void next() {
        model.next();
    }

    @FXML
    private void last() {
        model.last();
    }
}
