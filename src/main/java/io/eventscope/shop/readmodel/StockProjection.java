package io.eventscope.shop.readmodel;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.projection.AggregateProjection;
import io.eventscope.engine.projection.Rows;
import io.eventscope.shop.inventory.Inventory;
import io.eventscope.shop.inventory.InventoryEvent;
import io.eventscope.shop.inventory.StockReleased;
import io.eventscope.shop.inventory.StockReserved;
import io.eventscope.shop.inventory.StockRestocked;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Stock levels per SKU: what is free to reserve and what orders hold. */
public final class StockProjection extends AggregateProjection<InventoryEvent> {
    public static final String NAME = "stock";

    public StockProjection() {
        super(NAME, Inventory.type());
    }

    @Override
    public void apply(EventEnvelope event, Rows rows) throws SQLException {
        InventoryEvent e = decode(event);
        OffsetDateTime at = event.timestamp().atOffset(ZoneOffset.UTC);
        if (e instanceof StockRestocked restocked) {
            change(rows, e.sku(), restocked.quantity(), 0, at);
        } else if (e instanceof StockReserved reserved) {
            change(rows, e.sku(), -reserved.quantity(), reserved.quantity(), at);
        } else if (e instanceof StockReleased released) {
            change(rows, e.sku(), released.quantity(), -released.quantity(), at);
        }
    }

    /** Standard SQL upsert: update the SKU's row, or insert it when there is none yet. */
    private static void change(Rows rows, String sku, long available, long reserved, OffsetDateTime at)
            throws SQLException {
        int updated = rows.update("UPDATE stock_levels SET available = available + ?, reserved = reserved + ?,"
                + " updated_at = ? WHERE sku = ?", available, reserved, at, sku);
        if (updated == 0) {
            rows.update("INSERT INTO stock_levels (sku, available, reserved, updated_at) VALUES (?, ?, ?, ?)",
                    sku, available, reserved, at);
        }
    }
}
