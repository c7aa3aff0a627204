package io.eventscope.shop.readmodel;

import io.eventscope.engine.projection.ReadModels;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Stock levels: SKUs running low, and all of them. */
public final class StockQueryHandler {
    private final ReadModels readModels;

    public StockQueryHandler(ReadModels readModels) {
        this.readModels = readModels;
    }

    /** SKUs with fewer than {@code below} units available, lowest first. */
    public List<StockLevel> lowStock(long below) {
        return select("SELECT sku, available, reserved FROM stock_levels WHERE available < ? ORDER BY available, sku",
                below);
    }

    public List<StockLevel> all() {
        return select("SELECT sku, available, reserved FROM stock_levels WHERE available < ? ORDER BY sku",
                Long.MAX_VALUE);
    }

    private List<StockLevel> select(String sql, long below) {
        return readModels.query(StockProjection.NAME, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, below);
                try (ResultSet rs = s.executeQuery()) {
                    List<StockLevel> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new StockLevel(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                    }
                    return out;
                }
            }
        });
    }
}
