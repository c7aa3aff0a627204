package io.eventscope.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.CommandPayloads;
import io.eventscope.engine.domain.Decision;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.JsonValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Given/when/then for a decider, with events and commands written as JSON the way they are
 * stored and sent, so a test reads like the journal it came from:
 *
 * <pre>{@code
 * DeciderScenario.of(Order.type())
 *         .given("OrderCreated", "{\"orderId\":\"o1\", ...}")
 *         .when("ShipOrder", "{\"orderId\":\"o1\",\"trackingNumber\":\"T-1\"}")
 *         .thenRejected("Order o1 is not paid yet; only a paid order ships.");
 * }</pre>
 *
 * Events are decoded by the aggregate's codec (current shapes), the command by the same rules
 * as the command handler. Numbers compare by value (24.5 equals 24.50). A failed expectation
 * throws an {@link AssertionError} saying what the decider did instead.
 */
public final class DeciderScenario<C, S, E> {
    private final AggregateType<C, S, E> type;
    private S state;

    private DeciderScenario(AggregateType<C, S, E> type) {
        this.type = type;
        this.state = type.decider().initialState();
    }

    public static <C, S, E> DeciderScenario<C, S, E> of(AggregateType<C, S, E> type) {
        return new DeciderScenario<>(type);
    }

    /** An event that happened before, folded into the state. */
    public DeciderScenario<C, S, E> given(String eventType, String dataJson) {
        state = type.decider().evolve(state, type.events().fromJson(eventType, Json.parse(dataJson)));
        return this;
    }

    /** Decides the command against the state the given events left. */
    public Then when(String commandType, String payloadJson) {
        Class<? extends C> commandClass = type.commandTypes().get(commandType);
        if (commandClass == null) {
            throw new IllegalArgumentException(type.name() + " takes no command '" + commandType + "'; it takes "
                    + type.commandTypes().keySet());
        }
        C command = CommandPayloads.read(Json.parse(payloadJson), commandClass);
        return new Then(type.decider().decide(command, state));
    }

    /** An event as {@link Then#thenEvents} expects it. */
    public static Expected event(String eventType, String dataJson) {
        return new Expected(eventType, Json.parse(dataJson));
    }

    /** One expected event: its type and data. */
    public record Expected(String eventType, JsonNode data) {
        @Override
        public String toString() {
            return eventType + " " + data;
        }
    }

    /** What the decider answered, to check. */
    public final class Then {
        private final Decision<E> decision;

        private Then(Decision<E> decision) {
            this.decision = decision;
        }

        /** The command was accepted with exactly these events, in order. */
        public void thenEvents(Expected... expected) {
            if (!decision.accepted()) {
                throw new AssertionError("expected the events " + List.of(expected) + ", but the command was rejected: "
                        + decision.rejection());
            }
            List<Expected> actual = new ArrayList<>();
            decision.events().forEach(e -> actual.add(new Expected(type.events().typeName(e), type.events().toJson(e))));
            boolean same = actual.size() == expected.length;
            for (int i = 0; same && i < expected.length; i++) {
                same = actual.get(i).eventType().equals(expected[i].eventType())
                        && JsonValues.same(actual.get(i).data(), expected[i].data());
            }
            if (!same) {
                throw new AssertionError("expected the events " + List.of(expected) + ", but the decider produced "
                        + actual);
            }
        }

        /** The command was rejected for exactly this reason. */
        public void thenRejected(String reason) {
            if (decision.accepted()) {
                throw new AssertionError("expected the rejection \"" + reason + "\", but the command was accepted with "
                        + decision.events());
            }
            if (!decision.rejection().equals(reason)) {
                throw new AssertionError("expected the rejection \"" + reason + "\", but it was rejected with \""
                        + decision.rejection() + "\"");
            }
        }
    }
}
