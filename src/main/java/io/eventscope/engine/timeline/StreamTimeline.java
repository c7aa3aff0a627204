package io.eventscope.engine.timeline;

import io.eventscope.engine.domain.HistoryStep;
import io.eventscope.engine.domain.TimeTravel;
import java.util.List;

/**
 * One stream as the scrubber walks it: the frame at any version (a cached checkpoint plus at
 * most one interval of events), and stepping forwards until a breakpoint hits.
 */
public final class StreamTimeline {
    private static final int CHUNK = 256;

    private final TimeTravel timeTravel;
    private final String streamId;

    public StreamTimeline(TimeTravel timeTravel, String streamId) {
        this.timeTravel = timeTravel;
        this.streamId = streamId;
    }

    public String streamId() {
        return streamId;
    }

    /** The frame at {@code version} (0: the initial state, no event). */
    public Frame at(long version) {
        if (version == 0) {
            return Frame.initial(timeTravel.stateAt(streamId, 0).state());
        }
        return Frame.of(timeTravel.history(streamId, version, version).get(0));
    }

    /**
     * Steps from {@code from} towards {@code to}, testing every step against the breakpoints:
     * the frame of the first step that hits one, else the frame at {@code to}.
     */
    public Stop advance(long from, long to, List<Breakpoint> breakpoints) {
        if (to <= from || breakpoints.isEmpty()) {
            return new Stop(at(to), null);
        }
        HistoryStep last = null;
        for (long start = from + 1; start <= to; start += CHUNK) {
            for (HistoryStep step : timeTravel.history(streamId, start, Math.min(to, start + CHUNK - 1))) {
                for (Breakpoint b : breakpoints) {
                    if (b.hits(step)) {
                        return new Stop(Frame.of(step), b);
                    }
                }
                last = step;
            }
        }
        return new Stop(Frame.of(last), null);
    }

    /** Where stepping ended, and the breakpoint that stopped it (null when none did). */
    public record Stop(Frame frame, Breakpoint hit) {
    }
}
