package io.eventscope.engine.projection;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.EventCodec;
import io.eventscope.engine.event.EventEnvelope;

/**
 * A projection of one aggregate type's streams ({@code <type>-*}): it handles the events the
 * type's codec knows, reads its tables' migrations from {@code db/readmodel/<name>}, and
 * decodes each event into the type's own event records.
 */
public abstract class AggregateProjection<E> implements Projection {
    private final String name;
    private final String streamPrefix;
    private final EventCodec<E> codec;

    protected AggregateProjection(String name, AggregateType<?, ?, E> type) {
        this.name = name;
        this.streamPrefix = type.name() + "-";
        this.codec = type.events();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String migrations() {
        return "db/readmodel/" + name;
    }

    @Override
    public final String streams() {
        return streamPrefix + "*";
    }

    @Override
    public final boolean handles(EventEnvelope event) {
        return event.streamId().startsWith(streamPrefix) && codec.knows(event.eventType());
    }

    /** The event as the aggregate type's record. */
    protected final E decode(EventEnvelope event) {
        return codec.fromJson(event.eventType(), event.data());
    }
}
