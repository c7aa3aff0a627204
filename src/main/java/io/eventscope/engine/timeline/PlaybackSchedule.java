package io.eventscope.engine.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When playback reaches each version. Steady mode plays {@link #STEPS_PER_SECOND} events a
 * second times the speed; real-time mode waits as long as the events' timestamps are apart,
 * divided by the speed, with gaps longer than {@link #MAX_GAP} cut down to it (a night
 * between two events plays in two seconds, not twelve hours) and clock skew read as no wait.
 * The player asks {@link #versionAt} on every frame and jumps straight there, so a slow frame
 * skips versions instead of queueing them.
 */
public final class PlaybackSchedule {
    public static final double MIN_SPEED = 0.5;
    public static final double MAX_SPEED = 16;
    public static final List<Double> SPEEDS = List.of(0.5, 1.0, 2.0, 4.0, 8.0, 16.0);
    public static final double STEPS_PER_SECOND = 4;
    public static final Duration MAX_GAP = Duration.ofSeconds(2);

    private final double speed;
    private final boolean realTime;
    private final long startVersion;
    private final List<Instant> timestamps;
    private long reached;
    private long nextDueNanos;

    private PlaybackSchedule(double speed, boolean realTime, long startVersion, List<Instant> timestamps) {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("playback speed must be between " + MIN_SPEED + "x and "
                    + MAX_SPEED + "x, was " + speed + "x");
        }
        if (startVersion < 0 || startVersion > timestamps.size()) {
            throw new IllegalArgumentException("playback cannot start at version " + startVersion
                    + " of a stream with versions 0 to " + timestamps.size());
        }
        this.speed = speed;
        this.realTime = realTime;
        this.startVersion = startVersion;
        this.timestamps = List.copyOf(timestamps);
        this.reached = startVersion;
        this.nextDueNanos = delayAfter(startVersion);
    }

    /**
     * Plays from {@code startVersion}; {@code timestamps.get(i)} is the timestamp of version
     * i + 1, and their count is the last version. {@code realTime} follows them, else steady.
     */
    public static PlaybackSchedule of(double speed, boolean realTime, long startVersion, List<Instant> timestamps) {
        return new PlaybackSchedule(speed, realTime, startVersion, timestamps);
    }

    /** The version playback has reached {@code elapsed} after it started; ask with growing times. */
    public long versionAt(Duration elapsed) {
        long now = elapsed.toNanos();
        while (reached < lastVersion() && nextDueNanos <= now) {
            reached++;
            nextDueNanos += delayAfter(reached);
        }
        return reached;
    }

    /** Whether playback has nothing left to play. */
    public boolean finished() {
        return reached >= lastVersion();
    }

    public long startVersion() {
        return startVersion;
    }

    /** How long playback waits between showing {@code version} and the next one. */
    long delayAfter(long version) {
        long steady = Math.round(1_000_000_000L / (STEPS_PER_SECOND * speed));
        if (!realTime || version == 0 || version >= lastVersion()) {
            return steady;
        }
        Duration gap = Duration.between(timestamps.get((int) version - 1), timestamps.get((int) version));
        if (gap.isNegative()) {
            return 0;
        }
        Duration capped = gap.compareTo(MAX_GAP) > 0 ? MAX_GAP : gap;
        return Math.round(capped.toNanos() / speed);
    }

    private long lastVersion() {
        return timestamps.size();
    }
}
