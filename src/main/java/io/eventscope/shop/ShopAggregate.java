package io.eventscope.shop;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.Decider;
import io.eventscope.engine.domain.EventCodec;
import java.util.Map;
import java.util.function.Function;

/**
 * A shop aggregate: its commands and events are the records of two sealed interfaces, named
 * after their records.
 */
public record ShopAggregate<C, S, E>(
        String name,
        Decider<C, S, E> decider,
        Map<String, Class<? extends C>> commandTypes,
        Function<C, String> idOf,
        EventCodec<E> events) implements AggregateType<C, S, E> {

    public static <C, S, E> ShopAggregate<C, S, E> of(String name, Decider<C, S, E> decider,
                                                       Class<C> commands, Function<C, String> idOf,
                                                       Class<E> events) {
        return new ShopAggregate<>(name, decider, SealedRecords.byName(commands), idOf,
                new RecordEventCodec<>(events));
    }

    @Override
    public String aggregateId(C command) {
        return idOf.apply(command);
    }
}
