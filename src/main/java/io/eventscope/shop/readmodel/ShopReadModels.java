package io.eventscope.shop.readmodel;

import io.eventscope.engine.projection.Projection;
import java.util.List;

/** The shop's read models: orders, stock levels and saga status. */
public final class ShopReadModels {
    private ShopReadModels() {
    }

    public static List<Projection> projections() {
        return List.of(new OrderProjection(), new StockProjection(), new SagaStatusProjection());
    }
}
