package io.eventscope.shop.saga;

import io.eventscope.engine.saga.SagaStatus;
import java.util.List;

/**
 * The orchestrator, as the seed's OrderSaga: reserve stock, charge the payment, schedule the
 * shipment, then complete; after a failure, undo the completed steps in reverse order, then
 * cancel the order. A pure function from the saga's state (its log folded) to the next thing
 * to do; the runner does it and records the outcome in the log, and asks again.
 */
public final class OrderSaga {
    private OrderSaga() {
    }

    /** What the runner is to do next. */
    public sealed interface Action {
    }

    public record Call(SagaStep step) implements Action {
    }

    public record Compensate(SagaStep step) implements Action {
    }

    public record Complete() implements Action {
    }

    public record Cancel(String reason) implements Action {
    }

    public record Wait() implements Action {
    }

    public static Action next(SagaState state) {
        if (state.status() == null || state.status().isFinal()) {
            return new Wait();
        }
        if (state.status() == SagaStatus.RUNNING) {
            for (SagaStep step : SagaStep.values()) {
                if (!state.completed().contains(step)) {
                    return new Call(step);
                }
            }
            return new Complete();
        }
        // The seed undid every step whatever had happened; only completed ones are undone here, newest first.
        List<SagaStep> done = state.completed();
        for (int i = done.size() - 1; i >= 0; i--) {
            if (!state.compensated().contains(done.get(i))) {
                return new Compensate(done.get(i));
            }
        }
        return new Cancel(state.reason());
    }
}
