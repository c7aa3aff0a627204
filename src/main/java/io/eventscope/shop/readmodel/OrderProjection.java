package io.eventscope.shop.readmodel;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.projection.AggregateProjection;
import io.eventscope.engine.projection.Rows;
import io.eventscope.shop.order.Order;
import io.eventscope.shop.order.OrderCancelled;
import io.eventscope.shop.order.OrderCreated;
import io.eventscope.shop.order.OrderEvent;
import io.eventscope.shop.order.OrderPaid;
import io.eventscope.shop.order.OrderShipped;
import io.eventscope.shop.order.OrderStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's OrderProjection, with what it left out: paid and cancelled orders change the
 * status too, and an event for an order the read model does not hold fails loudly. A run of
 * events inserts the orders it creates once, already as the run leaves them.
 */
public final class OrderProjection extends AggregateProjection<OrderEvent> {
    public static final String NAME = "orders";

    public OrderProjection() {
        super(NAME, Order.type());
    }

    @Override
    public void apply(EventEnvelope event, Rows rows) throws SQLException {
        applyAll(List.of(event), rows);
    }

    /** Orders created in the run are changed in memory and inserted once; the others are updated in place. */
    @Override
    public void applyAll(List<EventEnvelope> events, Rows rows) throws SQLException {
        Map<String, OrderView> created = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            OrderEvent e = decode(event);
            Instant at = event.timestamp();
            OrderView fresh = created.get(e.orderId());
            if (e instanceof OrderCreated c) {
                if (fresh != null) {
                    throw new IllegalStateException("A second OrderCreated for order " + c.orderId());
                }
                created.put(c.orderId(), new OrderView(c.orderId(), c.userId(), OrderStatus.PENDING.name(), c.amount(),
                        c.items().size(), at, null));
            } else if (fresh != null) {
                created.put(e.orderId(), changed(fresh, e, at));
            } else if (e instanceof OrderShipped) {
                requireOrder(e, rows.update("UPDATE order_read_model SET status = ?, shipped_at = ? WHERE id = ?",
                        OrderStatus.SHIPPED.name(), utc(at), e.orderId()));
            } else if (status(e) != null) {
                requireOrder(e, rows.update("UPDATE order_read_model SET status = ? WHERE id = ?", status(e).name(),
                        e.orderId()));
            }
        }
        for (OrderView o : created.values()) {
            rows.update("INSERT INTO order_read_model (id, user_id, status, total, item_count, created_at, shipped_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", o.id(), o.userId(), o.status(), o.total(), o.itemCount(),
                    utc(o.createdAt()), o.shippedAt() == null ? null : utc(o.shippedAt()));
        }
    }

    /** The status an event other than OrderCreated gives its order, null for one that changes nothing here. */
    private static OrderStatus status(OrderEvent e) {
        return e instanceof OrderPaid ? OrderStatus.PAID : e instanceof OrderShipped ? OrderStatus.SHIPPED
                : e instanceof OrderCancelled ? OrderStatus.CANCELLED : null;
    }

    private static OrderView changed(OrderView o, OrderEvent e, Instant at) {
        OrderStatus status = status(e);
        return status == null ? o : new OrderView(o.id(), o.userId(), status.name(), o.total(), o.itemCount(),
                o.createdAt(), e instanceof OrderShipped ? at : o.shippedAt());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static void requireOrder(OrderEvent e, int updated) {
        if (updated != 1) {
            throw new IllegalStateException(e.getClass().getSimpleName() + " for order " + e.orderId()
                    + ", which order_read_model does not hold (no OrderCreated before it)");
        }
    }
}
