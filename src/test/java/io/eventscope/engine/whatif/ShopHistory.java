package io.eventscope.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandResult;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.shop.Shop;
import io.eventscope.shop.upcast.ShopUpcasters;
import io.eventscope.engine.store.Stores;

/** Runs shop commands through a real engine, all in one correlation, the way a person would have. */
public final class ShopHistory {
    public static final String CORRELATION = "corr-whatif";

    private final Engine engine;

    public ShopHistory(Engine engine) {
        this.engine = engine;
    }

    public static Engine open(String storeSpec) {
        return Engine.open(Stores.open(storeSpec), Shop.aggregateTypes(), ShopUpcasters.chain());
    }

    public CommandResult run(String type, String json) {
        return engine.commands().handle(CommandEnvelope.of(type, Json.parse(json), "alice", CORRELATION));
    }

    public EventEnvelope accepted(String type, String json) {
        CommandResult result = run(type, json);
        assertThat(result).as(type + " " + json).isInstanceOf(CommandResult.Accepted.class);
        return ((CommandResult.Accepted) result).events().get(0);
    }

    public String rejected(String type, String json) {
        CommandResult result = run(type, json);
        assertThat(result).as(type + " " + json).isInstanceOf(CommandResult.Rejected.class);
        return ((CommandResult.Rejected) result).reason();
    }

    /** An order of 24.50 EUR created, paid and shipped: positions 1, 2, 3. */
    public void paidAndShipped() {
        accepted("CreateOrder", """
                {"orderId": "o1", "userId": "alice", "items": [{"sku": "a", "quantity": 2, "unitPrice": 12.25}]}""");
        accepted("PayOrder", """
                {"orderId": "o1", "amount": 24.50}""");
        accepted("ShipOrder", """
                {"orderId": "o1", "trackingNumber": "T-1"}""");
    }

    public EventEnvelope eventOfType(String type) {
        return engine.store().read(EventFilter.ALL.withTypes(java.util.Set.of(type)), 1, 1, Direction.FORWARDS).get(0);
    }

    public WhatIf whatIf() {
        return new WhatIf(engine.store(), engine.journal(), Shop.aggregateTypes());
    }
}
