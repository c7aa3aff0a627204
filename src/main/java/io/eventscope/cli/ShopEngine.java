package io.eventscope.cli;

import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.store.Stores;
import io.eventscope.shop.Shop;
import io.eventscope.shop.upcast.ShopUpcasters;

/** The engine the command line runs the shop on: the store named by --store, upcast on read. */
final class ShopEngine {
    private ShopEngine() {
    }

    static Engine open(String storeSpec) {
        return Engine.open(Stores.open(storeSpec), Shop.aggregateTypes(), ShopUpcasters.chain());
    }
}
