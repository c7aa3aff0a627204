package io.eventscope.app.timeline;

import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The moving parts of a scrubber over versions 0 to a length: the version asked for, stepping
 * and jumping (a person's move pauses playback), and playback on the frame clock of
 * {@link Player}. It names each version to show; what showing means is its owner's business.
 * FX thread only.
 */
public final class Scrubber implements Scrubbing {
    private static final int SHIFT_STEP = 10;

    private final LongConsumer show;
    private final Player player = new Player(this::due);
    private final ReadOnlyLongWrapper length = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper position = new ReadOnlyLongWrapper();
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private List<Instant> timestamps = List.of();

    /** {@code show} gets every version asked for, by a person or by playback. */
    public Scrubber(LongConsumer show) {
        this.show = show;
        speed.addListener((obs, old, now) -> {
            if (player.isPlaying()) {
                player.play(speed.get(), false, position.get(), timestamps);
            }
        });
    }

    /** Walks a stream whose version i + 1 has {@code timestamps.get(i)}, starting at {@code version}. */
    public void load(List<Instant> timestamps, long version) {
        pause();
        this.timestamps = List.copyOf(timestamps);
        length.set(this.timestamps.size());
        move(version);
    }

    /** Walks nothing. */
    public void clear() {
        pause();
        timestamps = List.of();
        length.set(0);
        position.set(0);
    }

    public void first() {
        jumpTo(0);
    }

    public void previous() {
        jumpTo(position.get() - 1);
    }

    public void next() {
        jumpTo(position.get() + 1);
    }

    public void last() {
        jumpTo(length.get());
    }

    /** Ten back (Shift+Left). */
    public void bigPrevious() {
        jumpTo(position.get() - SHIFT_STEP);
    }

    /** Ten on (Shift+Right). */
    public void bigNext() {
        jumpTo(position.get() + SHIFT_STEP);
    }

    /** Shows a version, clamped to the stream; pauses playback. */
    public void jumpTo(long version) {
        pause();
        move(version);
    }

    /** Space: plays from the version shown (from the start when at the end), or pauses. */
    public void togglePlay() {
        if (player.isPlaying()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (length.get() == 0) {
            return;
        }
        if (position.get() >= length.get()) {
            move(0);
        }
        player.play(speed.get(), false, position.get(), timestamps);
    }

    public void pause() {
        player.stop();
    }

    private void due(long version) {
        if (version > position.get()) {
            move(version);
        }
        if (version >= length.get()) {
            pause();
        }
    }

    private void move(long version) {
        long clamped = Math.max(0, Math.min(version, length.get()));
        position.set(clamped);
        show.accept(clamped);
    }

    public ReadOnlyLongProperty length() {
        return length.getReadOnlyProperty();
    }

    /** The version asked for last. */
    public ReadOnlyLongProperty position() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playing() {
        return player.playing();
    }

    /** Playback speed, steady events per second times this. */
    public DoubleProperty speed() {
        return speed;
    }
}
