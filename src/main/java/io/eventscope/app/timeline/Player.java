package io.eventscope.app.timeline;

import io.eventscope.engine.timeline.PlaybackSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The playback clock: on every frame pulse it asks the schedule which version is due and hands
 * that on. It never queues: a pulse that comes late just names a later version.
 */
final class Player {
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final LongConsumer due;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };
    private PlaybackSchedule schedule;
    private long startNanos;

    Player(LongConsumer due) {
        this.due = due;
    }

    ReadOnlyBooleanProperty playing() {
        return playing.getReadOnlyProperty();
    }

    boolean isPlaying() {
        return playing.get();
    }

    /** Starts (or restarts, after a change of speed or mode) from {@code version}. */
    void play(double speed, boolean realTime, long version, List<Instant> timestamps) {
        schedule = PlaybackSchedule.of(speed, realTime, version, timestamps);
        startNanos = -1;
        playing.set(true);
        timer.start();
    }

    void stop() {
        timer.stop();
        playing.set(false);
    }

    private void pulse(long now) {
        if (startNanos < 0) {
            startNanos = now;
        }
        due.accept(schedule.versionAt(Duration.ofNanos(now - startNanos)));
    }
}
