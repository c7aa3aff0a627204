package io.eventscope.engine.domain;

import java.util.List;
import java.util.Objects;

/** What a decider answers: the events to append, or a reason a person can read. */
public record Decision<E>(List<E> events, String rejection) {

    public Decision {
        events = events == null ? List.of() : List.copyOf(events);
        if (rejection != null && !events.isEmpty()) {
            throw new IllegalArgumentException("a rejected decision produces no events");
        }
    }

    @SafeVarargs
    public static <E> Decision<E> accept(E... events) {
        return new Decision<>(List.of(events), null);
    }

    public static <E> Decision<E> accept(List<E> events) {
        return new Decision<>(events, null);
    }

    public static <E> Decision<E> reject(String reason) {
        return new Decision<>(List.of(), Objects.requireNonNull(reason, "reason"));
    }

    public boolean accepted() {
        return rejection == null;
    }
}
