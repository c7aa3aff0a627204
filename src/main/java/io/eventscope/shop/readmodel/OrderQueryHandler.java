package io.eventscope.shop.readmodel;

import io.eventscope.engine.projection.ReadModels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The seed's OrderQueryHandler: an order by id, a user's orders newest first. */
public final class OrderQueryHandler {
    private static final String COLUMNS = "SELECT id, user_id, status, total, item_count, created_at, shipped_at"
            + " FROM order_read_model";

    private final ReadModels readModels;

    public OrderQueryHandler(ReadModels readModels) {
        this.readModels = readModels;
    }

    public Optional<OrderView> order(String orderId) {
        return readModels.query(OrderProjection.NAME, c -> select(c, COLUMNS + " WHERE id = ?", orderId))
                .stream().findFirst();
    }

    /** Newest first; orders created at the same instant by id. */
    public List<OrderView> userOrders(String userId) {
        return readModels.query(OrderProjection.NAME, c -> select(c,
                COLUMNS + " WHERE user_id = ? ORDER BY created_at DESC, id", userId));
    }

    /** Every order, by id: for tests and exports. */
    public List<OrderView> all() {
        return readModels.query(OrderProjection.NAME, c -> select(c, COLUMNS + " ORDER BY id"));
    }

    static List<OrderView> select(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<OrderView> out = new ArrayList<>();
                while (rs.next()) {
                    OffsetDateTime shipped = rs.getObject(7, OffsetDateTime.class);
                    out.add(new OrderView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getInt(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                            shipped == null ? null : shipped.toInstant()));
                }
                return out;
            }
        }
    }
}
