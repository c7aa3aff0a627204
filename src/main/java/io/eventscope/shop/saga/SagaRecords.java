package io.eventscope.shop.saga;

import io.eventscope.engine.store.LogPages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.shop.saga.SagaEvent.CompensationFailed;
import io.eventscope.shop.saga.SagaEvent.InventoryReservationFailed;
import io.eventscope.shop.saga.SagaEvent.InventoryReserved;
import io.eventscope.shop.saga.SagaEvent.PaymentFailed;
import io.eventscope.shop.saga.SagaEvent.PaymentCharged;
import io.eventscope.shop.saga.SagaEvent.SagaStarted;
import io.eventscope.shop.saga.SagaEvent.ShippingFailed;
import io.eventscope.shop.saga.SagaEvent.ShippingScheduled;
import io.eventscope.shop.saga.SagaEvent.StepCompensated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads sagas back from a store: every saga log, in the order the sagas started, folded step by step. */
public final class SagaRecords {
    private SagaRecords() {
    }

    /** Hands each saga to {@code each} in start order; {@code status} null for every saga. */
    public static void forEach(EventStore store, SagaStatus status, Consumer<SagaRecord> each) {
        EventFilter started = EventFilter.type(SagaStarted.class.getSimpleName());
        LogPages.forEach(store, started, 1, EventStore.PAGE, page -> {
            for (EventEnvelope start : page) {
                SagaRecord saga = read(store, start.streamId());
                if (status == null || saga.status() == status) {
                    each.accept(saga);
                }
            }
            return true;
        });
    }

    public static List<SagaRecord> list(EventStore store, SagaStatus status) {
        List<SagaRecord> out = new ArrayList<>();
        forEach(store, status, out::add);
        return out;
    }

    public static SagaRecord read(EventStore store, String streamId) {
        List<EventEnvelope> log = store.readStream(streamId, 1, Integer.MAX_VALUE, Direction.FORWARDS);
        SagaState state = SagaState.NONE;
        List<SagaStepRecord> steps = new ArrayList<>();
        Instant previous = null;
        for (EventEnvelope e : log) {
            SagaEvent event = SagaLog.type().events().fromJson(e.eventType(), e.data());
            SagaState after = state.evolve(event);
            JsonNode beforeJson = Json.MAPPER.valueToTree(state);
            JsonNode afterJson = Json.MAPPER.valueToTree(after);
            steps.add(new SagaStepRecord(e.eventId(), e.position(), e.version(), e.eventType(), lane(event), kind(event),
                    previous == null ? e.timestamp() : previous, e.timestamp(), detail(event),
                    beforeJson, afterJson, beforeJson.toPrettyString(), afterJson.toPrettyString()));
            state = after;
            previous = e.timestamp();
        }
        EventEnvelope first = log.get(0);
        return new SagaRecord(state.orderId(), streamId, state.mode(), state.status(), first.correlationId(),
                first.timestamp(), log.get(log.size() - 1).timestamp(), state.reason(), steps);
    }

    /** One NDJSON line of the {@code sagas} command. */
    public static ObjectNode toJson(SagaRecord saga) {
        ObjectNode o = Json.object();
        o.put("orderId", saga.orderId());
        o.put("mode", saga.mode());
        o.put("status", saga.status().label());
        o.put("correlationId", saga.correlationId());
        o.put("startedAt", saga.startedAt().toString());
        o.put("endedAt", saga.endedAt().toString());
        o.put("latencyMs", saga.latency().toMillis());
        o.put("reason", saga.reason());
        ArrayNode steps = o.putArray("steps");
        for (SagaStepRecord s : saga.steps()) {
            steps.addObject().put("type", s.eventType()).put("lane", s.lane()).put("kind", s.kind().name().toLowerCase())
                    .put("at", s.endedAt().toString()).put("detail", s.detail());
        }
        return o;
    }

    static String lane(SagaEvent event) {
        if (event instanceof InventoryReserved || event instanceof InventoryReservationFailed) {
            return SagaStep.RESERVE.service();
        }
        if (event instanceof PaymentCharged || event instanceof PaymentFailed) {
            return SagaStep.CHARGE.service();
        }
        if (event instanceof ShippingScheduled || event instanceof ShippingFailed) {
            return SagaStep.SHIP.service();
        }
        if (event instanceof StepCompensated c) {
            return c.step().service();
        }
        if (event instanceof CompensationFailed c) {
            return c.step().service();
        }
        return "order";
    }

    static StepKind kind(SagaEvent event) {
        if (event instanceof SagaStarted) {
            return StepKind.START;
        }
        if (event instanceof InventoryReserved || event instanceof PaymentCharged || event instanceof ShippingScheduled) {
            return StepKind.FORWARD;
        }
        if (event instanceof InventoryReservationFailed f) {
            return f.timedOut() ? StepKind.TIMEOUT : StepKind.FAILURE;
        }
        if (event instanceof PaymentFailed f) {
            return f.timedOut() ? StepKind.TIMEOUT : StepKind.FAILURE;
        }
        if (event instanceof ShippingFailed f) {
            return f.timedOut() ? StepKind.TIMEOUT : StepKind.FAILURE;
        }
        if (event instanceof StepCompensated) {
            return StepKind.COMPENSATION;
        }
        if (event instanceof CompensationFailed) {
            return StepKind.COMPENSATION_FAILURE;
        }
        return StepKind.OUTCOME;
    }

    private static String detail(SagaEvent event) {
        JsonNode data = Json.MAPPER.valueToTree(event);
        if (data.has("reason") && !data.get("reason").isNull()) {
            return data.get("reason").asText();
        }
        if (event instanceof StepCompensated c) {
            return c.step().name().toLowerCase() + " undone after " + c.attempts() + " attempt(s)";
        }
        return event.getClass().getSimpleName();
    }
}
