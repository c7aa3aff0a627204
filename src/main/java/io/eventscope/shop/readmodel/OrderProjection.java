package io.eventscope.shop.readmodel;

import io.eventscope.engine.domain.EventCodec;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.projection.Projection;
import io.eventscope.engine.projection.Rows;
import io.eventscope.shop.order.Order;
import io.eventscope.shop.order.OrderCancelled;
import io.eventscope.shop.order.OrderCreated;
import io.eventscope.shop.order.OrderEvent;
import io.eventscope.shop.order.OrderPaid;
import io.eventscope.shop.order.OrderShipped;
import io.eventscope.shop.order.OrderStatus;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The seed's OrderProjection, with what it left out: paid and cancelled orders change the
 * status too, and an event for an order the read model does not hold fails loudly.
 */
public final class OrderProjection implements Projection {
    public static final String NAME = "orders";
    private static final String STREAM_PREFIX = Order.type().name() + "-";

    private final EventCodec<OrderEvent> codec = Order.type().events();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String migrations() {
        return "db/readmodel/orders";
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
        OrderEvent e = codec.fromJson(event.eventType(), event.data());
        OffsetDateTime at = event.timestamp().atOffset(ZoneOffset.UTC);
        if (e instanceof OrderCreated created) {
            rows.update("INSERT INTO order_read_model (id, user_id, status, total, item_count, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", created.orderId(), created.userId(),
                    OrderStatus.PENDING.name(), created.amount(), created.items().size(), at);
        } else if (e instanceof OrderPaid) {
            setStatus(rows, e, OrderStatus.PAID);
        } else if (e instanceof OrderShipped) {
            requireOrder(e, rows.update("UPDATE order_read_model SET status = ?, shipped_at = ? WHERE id = ?",
                    OrderStatus.SHIPPED.name(), at, e.orderId()));
        } else if (e instanceof OrderCancelled) {
            setStatus(rows, e, OrderStatus.CANCELLED);
        }
    }

    private static void setStatus(Rows rows, OrderEvent e, OrderStatus status) throws SQLException {
        requireOrder(e, rows.update("UPDATE order_read_model SET status = ? WHERE id = ?", status.name(), e.orderId()));
    }

    private static void requireOrder(OrderEvent e, int updated) {
        if (updated != 1) {
            throw new IllegalStateException(e.getClass().getSimpleName() + " for order " + e.orderId()
                    + ", which order_read_model does not hold (no OrderCreated before it)");
        }
    }
}
