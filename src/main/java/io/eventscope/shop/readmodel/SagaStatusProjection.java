package io.eventscope.shop.readmodel;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.projection.AggregateProjection;
import io.eventscope.engine.projection.Rows;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.shop.saga.SagaEvent;
import io.eventscope.shop.saga.SagaEvent.SagaStarted;
import io.eventscope.shop.saga.SagaLog;
import io.eventscope.shop.saga.SagaState;
import io.eventscope.shop.saga.SagaStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The saga status read model: one row per saga log, the saga's state as the saga log's own
 * fold ({@link SagaLog#evolve}) makes it, so the row says what a fold of the log says. A run of
 * events is folded in memory and each saga's row written once (a rebuild inserts each saga
 * once, not five times). The SQL is standard, for H2 and PostgreSQL alike.
 */
public final class SagaStatusProjection extends AggregateProjection<SagaEvent> {
    public static final String NAME = "sagas";
    private static final String COLUMNS = "mode, status, customer, total, item_count, completed_steps,"
            + " compensated_steps, failed_step, reason, compensation_attempts, payment_id, charged, tracking_number,"
            + " started_at, updated_at";
    static final String SELECT = "SELECT order_id, " + COLUMNS + " FROM saga_status";
    private static final String INSERT = "INSERT INTO saga_status (" + COLUMNS + ", order_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE saga_status SET " + Arrays.stream(COLUMNS.split(", "))
            .map(c -> c + " = ?").collect(Collectors.joining(", ")) + " WHERE order_id = ?";

    public SagaStatusProjection() {
        super(NAME, SagaLog.type());
    }

    /** A saga's row: its state without the items (only their count is kept), when it started and last changed. */
    private record Row(SagaState state, int itemCount, OffsetDateTime startedAt, OffsetDateTime updatedAt) {
    }

    @Override
    public void apply(EventEnvelope event, Rows rows) throws SQLException {
        applyAll(List.of(event), rows);
    }

    @Override
    public void applyAll(List<EventEnvelope> events, Rows rows) throws SQLException {
        Map<String, Row> changed = new LinkedHashMap<>();
        Set<String> started = new HashSet<>();
        for (EventEnvelope event : events) {
            SagaEvent e = decode(event);
            OffsetDateTime at = event.timestamp().atOffset(ZoneOffset.UTC);
            Row row = changed.get(e.orderId());
            if (e instanceof SagaStarted s) {
                if (row != null || !started.add(s.orderId())) {
                    throw new IllegalStateException("A second SagaStarted for saga " + s.orderId());
                }
                row = new Row(SagaLog.type().initialState(), s.items().size(), at, at);
            } else if (row == null) {
                row = load(rows, e);
            }
            changed.put(e.orderId(), new Row(SagaLog.type().evolve(row.state(), e), row.itemCount(), row.startedAt(), at));
        }
        for (Map.Entry<String, Row> c : changed.entrySet()) {
            rows.update(started.contains(c.getKey()) ? INSERT : UPDATE, values(c.getKey(), c.getValue()));
        }
    }

    /** A step's name as the read model lists it. */
    static String step(SagaStep step) {
        return step.name().toLowerCase();
    }

    /** Steps as saga_status lists them: lower-case names separated by one space, in order. */
    static List<String> steps(String listed) {
        return listed.isEmpty() ? List.of() : List.of(listed.split(" "));
    }

    private static Row load(Rows rows, SagaEvent e) throws SQLException {
        return rows.first(SELECT + " WHERE order_id = ?", rs -> new Row(new SagaState(rs.getString(1),
                        rs.getString(2), SagaStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getBigDecimal(5),
                        List.of(), sagaSteps(rs.getString(7)), sagaSteps(rs.getString(8)), rs.getString(12),
                        rs.getBigDecimal(13), rs.getString(14), failedStep(rs), rs.getString(10), rs.getInt(11)),
                        rs.getInt(6), rs.getObject(15, OffsetDateTime.class), rs.getObject(16, OffsetDateTime.class)),
                e.orderId()).orElseThrow(() -> new IllegalStateException(e.getClass().getSimpleName() + " for saga "
                + e.orderId() + ", which saga_status does not hold (no SagaStarted before it)"));
    }

    private static Object[] values(String orderId, Row row) {
        SagaState s = row.state();
        return new Object[] {s.mode(), s.status().name(), s.customer(), s.total(), row.itemCount(),
            listed(s.completed()), listed(s.compensated()), s.failedStep() == null ? null : step(s.failedStep()),
            s.reason(), s.compensationAttempts(), s.paymentId(), s.charged(), s.trackingNumber(), row.startedAt(),
            row.updatedAt(), orderId};
    }

    private static String listed(List<SagaStep> steps) {
        return steps.stream().map(SagaStatusProjection::step).collect(Collectors.joining(" "));
    }

    private static List<SagaStep> sagaSteps(String listed) {
        return steps(listed).stream().map(n -> SagaStep.valueOf(n.toUpperCase())).toList();
    }

    private static SagaStep failedStep(ResultSet rs) throws SQLException {
        String failed = rs.getString(9);
        return failed == null ? null : SagaStep.valueOf(failed.toUpperCase());
    }
}
