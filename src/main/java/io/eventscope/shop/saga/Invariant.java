package io.eventscope.shop.saga;

import java.util.List;

/** One rule a run must keep, whether it held, and the first few ways it did not. */
public record Invariant(String name, List<String> violations) {
    private static final int SHOWN = 5;

    public Invariant {
        violations = List.copyOf(violations.subList(0, Math.min(SHOWN, violations.size())));
    }

    public boolean holds() {
        return violations.isEmpty();
    }
}
