package io.eventscope.shop.saga;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.Decider;
import io.eventscope.engine.domain.Decision;
import io.eventscope.engine.domain.EventCodec;
import io.eventscope.shop.RecordEventCodec;
import java.util.Map;

/**
 * The saga log as an aggregate type (streams {@code saga-<orderId>}), so the Timeline and
 * time travel fold a saga like any aggregate. It takes no commands: only sagas write it.
 */
public final class SagaLog implements AggregateType<Void, SagaState, SagaEvent>, Decider<Void, SagaState, SagaEvent> {
    public static final String NAME = "saga";
    private static final SagaLog INSTANCE = new SagaLog();
    private final EventCodec<SagaEvent> codec = new RecordEventCodec<>(SagaEvent.class);

    public static SagaLog type() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decider<Void, SagaState, SagaEvent> decider() {
        return this;
    }

    @Override
    public Map<String, Class<? extends Void>> commandTypes() {
        return Map.of();
    }

    @Override
    public String aggregateId(Void command) {
        throw new UnsupportedOperationException("the saga log takes no commands");
    }

    @Override
    public EventCodec<SagaEvent> events() {
        return codec;
    }

    @Override
    public SagaState initialState() {
        return SagaState.NONE;
    }

    @Override
    public Decision<SagaEvent> decide(Void command, SagaState state) {
        return Decision.reject("a saga's log is written by its saga, not by commands");
    }

    @Override
    public SagaState evolve(SagaState state, SagaEvent event) {
        return state.evolve(event);
    }
}
