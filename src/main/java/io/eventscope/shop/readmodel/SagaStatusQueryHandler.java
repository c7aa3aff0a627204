package io.eventscope.shop.readmodel;

import io.eventscope.engine.projection.ReadModels;
import io.eventscope.engine.saga.SagaStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sagas from saga_status: one by order id, or all (or those of one status) in the order they started. */
public final class SagaStatusQueryHandler {
    private static final String COLUMNS = SagaStatusProjection.SELECT;
    private static final String IN_START_ORDER = " ORDER BY started_at, order_id";

    private final ReadModels readModels;

    public SagaStatusQueryHandler(ReadModels readModels) {
        this.readModels = readModels;
    }

    public Optional<SagaStatusView> saga(String orderId) {
        return select(COLUMNS + " WHERE order_id = ?", orderId).stream().findFirst();
    }

    /** Every saga, or with {@code status} only those standing so, in the order they started. */
    public List<SagaStatusView> sagas(SagaStatus status) {
        return status == null ? select(COLUMNS + IN_START_ORDER)
                : select(COLUMNS + " WHERE status = ?" + IN_START_ORDER, status.name());
    }

    private List<SagaStatusView> select(String sql, Object... params) {
        return readModels.query(SagaStatusProjection.NAME, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    List<SagaStatusView> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                    return out;
                }
            }
        });
    }

    private static SagaStatusView row(ResultSet rs) throws SQLException {
        return new SagaStatusView(rs.getString(1), rs.getString(2), SagaStatus.valueOf(rs.getString(3)),
                rs.getString(4), rs.getBigDecimal(5), rs.getInt(6), SagaStatusProjection.steps(rs.getString(7)),
                SagaStatusProjection.steps(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getInt(11), rs.getString(12), rs.getBigDecimal(13),
                rs.getString(14), rs.getObject(15, OffsetDateTime.class).toInstant(),
                rs.getObject(16, OffsetDateTime.class).toInstant());
    }
}
