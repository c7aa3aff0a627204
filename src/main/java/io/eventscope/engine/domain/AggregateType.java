package io.eventscope.engine.domain;

import java.util.Map;

/**
 * Everything the engine needs to host one kind of aggregate: its decider, the commands it
 * takes (by name), which instance a command addresses, and its event codec. Its streams are
 * named {@code name() + "-" + aggregateId}.
 */
public interface AggregateType<C, S, E> {
    /** Lower-case stream prefix, for example {@code order}. */
    String name();

    Decider<C, S, E> decider();

    /** Command names (as the command line and the UI spell them) to their record classes. */
    Map<String, Class<? extends C>> commandTypes();

    /** The id of the aggregate instance the command is for. */
    String aggregateId(C command);

    EventCodec<E> events();
}
