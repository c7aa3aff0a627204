package io.eventscope.app.timeline;

import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.timeline.StreamTimeline;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The Timeline: the replay scrubber over one stream and correlation mode. It holds the parts,
 * each a view model of its own (loading, frames, playback, breakpoints, blame, correlation),
 * turns a person's moves into them, and forgets everything shown when the store changes.
 */
public final class TimelineViewModel implements Scrubbing {
    private static final int SHIFT_STEP = 10;

    private final StreamViewModel stream;
    private final FrameScheduler scrubber;
    private final BreakpointsViewModel breakpoints = new BreakpointsViewModel();
    private final PlaybackViewModel playback;
    private final BlameViewModel blame;
    private final CorrelationViewModel correlation;
    private final BooleanProperty correlationMode = new SimpleBooleanProperty();
    private BiConsumer<String, Long> whatIfOpener = (stream, version) -> { };

    public TimelineViewModel(Workspace workspace, TaskExecutor tasks) {
        this.stream = new StreamViewModel(workspace, tasks, this::reset, this::opened);
        this.scrubber = new FrameScheduler(tasks);
        this.playback = new PlaybackViewModel(scrubber, breakpoints.breakpoints(), stream.events());
        this.blame = new BlameViewModel(workspace, tasks, stream.streamId(), scrubber);
        this.correlation = new CorrelationViewModel(workspace, tasks);
        workspace.session().addListener((obs, old, now) -> {
            reset();
            stream.storeChanged();
        });
    }

    /** Opens a stream at its last version. */
    public void openStream(String id) {
        openStream(id, Long.MAX_VALUE);
    }

    /** Opens a stream at a version ("Open in Timeline" from the Events view or a causation node). */
    public void openStream(String id, long version) {
        stream.open(id, version);
    }

    /** Opens the stream of the event at a global position, at that event ("Open in Timeline" from the Events view). */
    public void openEvent(long position) {
        stream.openEvent(position);
    }

    private void opened(StreamTimeline timeline, long length, long version) {
        scrubber.open(timeline, length, version);
    }

    // ---- a person's moves: each pauses playback ----

    public void first() {
        jumpTo(0);
    }

    public void previous() {
        stepBy(-1);
    }

    public void next() {
        stepBy(1);
    }

    public void last() {
        jumpTo(scrubber.length().get());
    }

    /** Moves by {@code delta} versions from the one asked for last, within 0..length. */
    public void stepBy(long delta) {
        jumpTo(scrubber.position().get() + delta);
    }

    /** Ten back (Shift+Left). */
    public void bigPrevious() {
        stepBy(-SHIFT_STEP);
    }

    /** Ten on (Shift+Right). */
    public void bigNext() {
        stepBy(SHIFT_STEP);
    }

    /** Shows a version (clamped to the stream); a person's jump pauses playback. */
    public void jumpTo(long version) {
        if (scrubber.isOpen()) {
            playback.interrupt();
            scrubber.show(version);
        }
    }

    /** Forgets the shown stream; every pending result is outdated. */
    private void reset() {
        playback.interrupt();
        stream.clear();
        scrubber.clear();
        blame.clear();
    }

    @Override
    public ReadOnlyLongProperty length() {
        return scrubber.length();
    }

    /** The version asked for last (the one shown may still be loading: {@link FrameScheduler#shownVersion}). */
    @Override
    public ReadOnlyLongProperty position() {
        return scrubber.position();
    }

    @Override
    public void togglePlay() {
        playback.togglePlay();
    }

    public StreamViewModel stream() {
        return stream;
    }

    public FrameScheduler scrubber() {
        return scrubber;
    }

    public PlaybackViewModel playback() {
        return playback;
    }

    public BreakpointsViewModel breakpoints() {
        return breakpoints;
    }

    public BlameViewModel blame() {
        return blame;
    }

    public CorrelationViewModel correlation() {
        return correlation;
    }

    /** Correlation mode on the shown event's correlation ID. */
    public void showCorrelation() {
        correlation.open(scrubber.eventCorrelation().get());
        correlationMode.set(true);
    }

    /** Which mode is shown: true for correlation mode, false for the stream scrubber. */
    public BooleanProperty correlationMode() {
        return correlationMode;
    }

    /** Where "What if…" forks: the stream and version shown. */
    public void setWhatIfOpener(BiConsumer<String, Long> opener) {
        whatIfOpener = opener;
    }

    /** Forks the past at the version shown (the What if window). */
    public void whatIf() {
        playback.pause();
        whatIfOpener.accept(stream.streamId().get(), scrubber.shownVersion().get());
    }

    public void close() {
        playback.pause();
        correlation.close();
    }
}
