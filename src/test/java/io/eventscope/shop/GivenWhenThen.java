package io.eventscope.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.domain.Decider;
import io.eventscope.engine.domain.Decision;
import java.util.List;

/**
 * Given past events, when a command arrives, then these events, or a rejection a person can
 * read: {@code given(decider, e1, e2).when(command).then(e3)}.
 */
public final class GivenWhenThen<C, S, E> {
    private final Decider<C, S, E> decider;
    private final S state;

    private GivenWhenThen(Decider<C, S, E> decider, S state) {
        this.decider = decider;
        this.state = state;
    }

    @SafeVarargs
    public static <C, S, E> GivenWhenThen<C, S, E> given(Decider<C, S, E> decider, E... history) {
        S state = decider.initialState();
        for (E event : history) {
            state = decider.evolve(state, event);
        }
        return new GivenWhenThen<>(decider, state);
    }

    public Outcome<S, E> when(C command) {
        return new Outcome<>(decider.decide(command, state), state);
    }

    public record Outcome<S, E>(Decision<E> decision, S stateBefore) {

        @SafeVarargs
        public final Outcome<S, E> then(E... expected) {
            assertThat(decision.rejection()).as("rejection").isNull();
            assertThat(decision.events()).containsExactly(expected);
            return this;
        }

        /** Rejected, with a reason that is a sentence and contains every fragment. */
        public Outcome<S, E> thenRejected(String... fragments) {
            assertThat(decision.accepted()).as("accepted with " + decision.events()).isFalse();
            assertThat(decision.rejection()).matches("[A-Z].*\\.").contains(fragments);
            return this;
        }

        public List<E> events() {
            return decision.events();
        }
    }
}
