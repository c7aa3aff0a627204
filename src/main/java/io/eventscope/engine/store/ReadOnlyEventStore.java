package io.eventscope.engine.store;

import io.eventscope.engine.event.NewEvent;
import java.util.List;

/**
 * A store to look at only (an opened case): every read goes through, every append is refused
 * with {@code why}. An engine over it keeps a read-only journal too, so nothing reaches the
 * file however the write was asked for.
 */
public final class ReadOnlyEventStore extends ForwardingEventStore {
    private final String why;

    /** {@code why} says what the store is and what to do instead, as the refusal's message. */
    public ReadOnlyEventStore(EventStore store, String why) {
        super(store);
        this.why = why;
    }

    /** What the store is and what to do instead: the message every refused write carries. */
    public String why() {
        return why;
    }

    private ReadOnlyStoreException refusal() {
        return new ReadOnlyStoreException(why);
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        throw refusal();
    }

    @Override
    public List<AppendResult> appendAll(List<StreamAppend> appends) {
        throw refusal();
    }

    @Override
    public String describe() {
        return super.describe() + " (read-only)";
    }
}
