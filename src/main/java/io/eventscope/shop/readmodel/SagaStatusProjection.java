package io.eventscope.shop.readmodel;

import io.eventscope.engine.domain.EventCodec;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.projection.Projection;
import io.eventscope.engine.projection.Rows;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.shop.saga.SagaEvent;
import io.eventscope.shop.saga.SagaEvent.CompensationFailed;
import io.eventscope.shop.saga.SagaEvent.InventoryReservationFailed;
import io.eventscope.shop.saga.SagaEvent.InventoryReserved;
import io.eventscope.shop.saga.SagaEvent.PaymentCharged;
import io.eventscope.shop.saga.SagaEvent.PaymentFailed;
import io.eventscope.shop.saga.SagaEvent.SagaCompensated;
import io.eventscope.shop.saga.SagaEvent.SagaCompleted;
import io.eventscope.shop.saga.SagaEvent.SagaNeedsIntervention;
import io.eventscope.shop.saga.SagaEvent.SagaStarted;
import io.eventscope.shop.saga.SagaEvent.ShippingFailed;
import io.eventscope.shop.saga.SagaEvent.ShippingScheduled;
import io.eventscope.shop.saga.SagaEvent.StepCompensated;
import io.eventscope.shop.saga.SagaLog;
import io.eventscope.shop.saga.SagaStep;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The saga status read model: one row per saga log, changed as {@code SagaState.evolve} changes
 * the saga, so the row always says what a fold of the log says. Its SQL is standard (H2 and
 * PostgreSQL): each event is one UPDATE that computes from the row, never a read first.
 */
public final class SagaStatusProjection implements Projection {
    public static final String NAME = "sagas";
    private static final String STREAM_PREFIX = SagaLog.NAME + "-";
    private static final String APPEND_COMPLETED = "completed_steps = TRIM(completed_steps || ' ' || ?)";

    private final EventCodec<SagaEvent> codec = SagaLog.type().events();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String migrations() {
        return "db/readmodel/sagas";
    }

    @Override
    public String streams() {
        return STREAM_PREFIX + "*";
    }

    @Override
    public boolean handles(EventEnvelope event) {
        return event.streamId().startsWith(STREAM_PREFIX) && codec.knows(event.eventType());
    }

    @Override
    public void apply(EventEnvelope event, Rows rows) throws SQLException {
        SagaEvent e = codec.fromJson(event.eventType(), event.data());
        OffsetDateTime at = event.timestamp().atOffset(ZoneOffset.UTC);
        if (e instanceof SagaStarted s) {
            rows.update("INSERT INTO saga_status (order_id, mode, status, customer, total, item_count, completed_steps,"
                            + " compensated_steps, compensation_attempts, started_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, '', '', 0, ?, ?)", s.orderId(), s.mode(),
                    SagaStatus.RUNNING.name(), s.customer(), s.total(), s.items().size(), at, at);
        } else if (e instanceof InventoryReserved) {
            change(rows, e, at, APPEND_COMPLETED, step(SagaStep.RESERVE));
        } else if (e instanceof PaymentCharged c) {
            change(rows, e, at, APPEND_COMPLETED + ", payment_id = ?, charged = ?", step(SagaStep.CHARGE),
                    c.paymentId(), c.amount());
        } else if (e instanceof ShippingScheduled s) {
            change(rows, e, at, APPEND_COMPLETED + ", tracking_number = ?", step(SagaStep.SHIP), s.trackingNumber());
        } else if (e instanceof InventoryReservationFailed f) {
            failing(rows, e, at, SagaStep.RESERVE, f.reason());
        } else if (e instanceof PaymentFailed f) {
            failing(rows, e, at, SagaStep.CHARGE, f.reason());
        } else if (e instanceof ShippingFailed f) {
            failing(rows, e, at, SagaStep.SHIP, f.reason());
        } else if (e instanceof StepCompensated c) {
            // Undoing the charge gives the money back: the saga then holds nothing of it.
            String charged = c.step() == SagaStep.CHARGE ? ", charged = " + BigDecimal.ZERO.setScale(2) : "";
            change(rows, e, at, "compensated_steps = TRIM(compensated_steps || ' ' || ?), compensation_attempts = 0"
                    + charged, step(c.step()));
        } else if (e instanceof CompensationFailed f) {
            change(rows, e, at, "compensation_attempts = ?", f.attempt());
        } else if (e instanceof SagaCompleted) {
            change(rows, e, at, "status = ?", SagaStatus.COMPLETED.name());
        } else if (e instanceof SagaCompensated c) {
            change(rows, e, at, "status = ?, reason = ?", SagaStatus.COMPENSATED.name(), c.reason());
        } else if (e instanceof SagaNeedsIntervention n) {
            change(rows, e, at, "status = ?, reason = ?", SagaStatus.NEEDS_INTERVENTION.name(), n.reason());
        }
    }

    /** A step's name as the read model lists it. */
    static String step(SagaStep step) {
        return step.name().toLowerCase();
    }

    private static void failing(Rows rows, SagaEvent e, OffsetDateTime at, SagaStep step, String reason)
            throws SQLException {
        change(rows, e, at, "status = ?, failed_step = ?, reason = ?, compensation_attempts = 0",
                SagaStatus.COMPENSATING.name(), step(step), reason);
    }

    /** One UPDATE of the saga's row: {@code set} with its parameters, then the time of the event. */
    private static void change(Rows rows, SagaEvent e, OffsetDateTime at, String set, Object... params)
            throws SQLException {
        Object[] all = new Object[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = at;
        all[params.length + 1] = e.orderId();
        if (rows.update("UPDATE saga_status SET " + set + ", updated_at = ? WHERE order_id = ?", all) != 1) {
            throw new IllegalStateException(e.getClass().getSimpleName() + " for saga " + e.orderId()
                    + ", which saga_status does not hold (no SagaStarted before it)");
        }
    }
}
