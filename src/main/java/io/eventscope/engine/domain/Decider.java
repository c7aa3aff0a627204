package io.eventscope.engine.domain;

/**
 * An aggregate as three pure functions. State is immutable; {@code evolve} never fails for an
 * event that {@code decide} could have produced, because stored events are facts.
 *
 * @param <C> commands
 * @param <S> state
 * @param <E> events
 */
public interface Decider<C, S, E> {
    S initialState();

    Decision<E> decide(C command, S state);

    S evolve(S state, E event);
}
