package io.eventscope.app.timeline;

import io.eventscope.engine.timeline.Breakpoint;
import io.eventscope.engine.timeline.PlaybackSchedule;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ObservableList;

/**
 * Playback of the open stream: play and pause, speed, real time, and why it stopped. Playing
 * forwards hands the scrubber the breakpoints, so it stops at the first frame where one holds.
 */
public final class PlaybackViewModel {
    private final FrameScheduler scrubber;
    private final ObservableList<Breakpoint> breakpoints;
    private final ObservableList<EventItem> events;
    private final Player player = new Player(this::due);

    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final BooleanProperty realTime = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    PlaybackViewModel(FrameScheduler scrubber, ObservableList<Breakpoint> breakpoints, ObservableList<EventItem> events) {
        this.scrubber = scrubber;
        this.breakpoints = breakpoints;
        this.events = events;
        scrubber.onFrameShown(this::shown);
        speed.addListener((obs, old, now) -> restart());
        realTime.addListener((obs, old, now) -> restart());
    }

    /** Space: plays from the shown version (from the start when at the end), or pauses. */
    public void togglePlay() {
        if (player.isPlaying()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (!scrubber.isOpen() || scrubber.length().get() == 0) {
            return;
        }
        status.set("");
        if (scrubber.position().get() >= scrubber.length().get()) {
            scrubber.show(0);
        }
        player.play(speed.get(), realTime.get(), scrubber.position().get(), timestamps());
    }

    public void pause() {
        player.stop();
    }

    /** A person moved the scrubber: playback pauses and its last word goes. */
    void interrupt() {
        pause();
        status.set("");
    }

    private void restart() {
        if (player.isPlaying()) {
            player.play(speed.get(), realTime.get(), scrubber.position().get(), timestamps());
        }
    }

    private List<Instant> timestamps() {
        return events.stream().map(EventItem::timestamp).toList();
    }

    private void due(long version) {
        if (version > scrubber.position().get()) {
            scrubber.advance(version, breakpoints);
        }
    }

    private void shown(long version, Breakpoint hit) {
        if (hit != null) {
            pause();
            status.set("Stopped at v" + version + ": " + hit.describe());
        } else if (player.isPlaying() && version >= scrubber.length().get()) {
            pause();
            status.set("Reached the end");
        }
    }

    public ReadOnlyBooleanProperty playing() {
        return player.playing();
    }

    /** Playback speed, {@link PlaybackSchedule#MIN_SPEED} to {@link PlaybackSchedule#MAX_SPEED}. */
    public DoubleProperty speed() {
        return speed;
    }

    public List<Double> speeds() {
        return PlaybackSchedule.SPEEDS;
    }

    /** Follow the events' timestamps (long gaps capped) instead of a steady pace. */
    public BooleanProperty realTime() {
        return realTime;
    }

    /** Why playback stopped, when a breakpoint or the end stopped it. */
    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }
}
