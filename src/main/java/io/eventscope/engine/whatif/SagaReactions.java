package io.eventscope.engine.whatif;

import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.event.EventEnvelope;
import java.util.List;

/**
 * How sagas react, so a branch can decide their reactions again. When a command a saga issued
 * comes out otherwise in the branch (accepted then, rejected now, or the reverse), the saga
 * takes another path: its later journaled commands are not issued, its later log events are
 * dropped, and it is asked, effect by effect, what it does instead.
 */
public interface SagaReactions {
    /** For stores whose sagas are not known: nothing is re-decided as a saga reaction. */
    SagaReactions NONE = new SagaReactions() {
        @Override
        public String sagaOf(CommandEnvelope command) {
            return null;
        }

        @Override
        public List<SagaEffect> next(List<EventEnvelope> log, CommandEnvelope issued, Decided outcome) {
            return List.of();
        }
    };

    /** The stream of the log of the saga that issued {@code command}; null when no saga issued it. */
    String sagaOf(CommandEnvelope command);

    /**
     * What the saga does next, in order: {@code log} is its log as the branch has it, {@code issued}
     * the command it issued last with its {@code outcome} in the branch (both null after it recorded
     * an event). Empty when it waits or has ended.
     */
    List<SagaEffect> next(List<EventEnvelope> log, CommandEnvelope issued, Decided outcome);
}
