package io.eventscope.app.timeline;

import io.eventscope.app.ViewFactory;

/** The Timeline's controllers, registered together: each gets the Timeline's view model. */
public final class TimelineViews {
    private TimelineViews() {
    }

    public static ViewFactory register(ViewFactory views, TimelineViewModel timeline) {
        return views.register(TimelineView.class, () -> new TimelineView(timeline))
                .register(StreamModeView.class, () -> new StreamModeView(timeline))
                .register(ScrubberView.class, () -> new ScrubberView(timeline))
                .register(StateView.class, () -> new StateView(timeline))
                .register(BreakpointsView.class, () -> new BreakpointsView(timeline))
                .register(BlameView.class, () -> new BlameView(timeline))
                .register(CorrelationView.class, () -> new CorrelationView(timeline));
    }
}
