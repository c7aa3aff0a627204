package io.eventscope.cli.bench;

import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.whatif.Change;
import io.eventscope.engine.whatif.Fork;
import io.eventscope.engine.whatif.Scope;
import io.eventscope.engine.whatif.WhatIf;
import io.eventscope.shop.Shop;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.util.List;

/**
 * What-if replay: one correlation of up to 10,000 journaled commands (restocking one item),
 * forked at its first event with that event skipped, so every command is decided again. The
 * commands are journaled in an in-memory engine: the figure is the re-deciding, not H2.
 */
public final class WhatIfBenchmarks {
    private static final int COMMANDS = 10_000;
    private static final int ROUNDS = 3;

    private WhatIfBenchmarks() {
    }

    public static List<Figure> whatIf(BenchContext ctx) {
        int commands = (int) Math.min(COMMANDS, ctx.events());
        try (Engine engine = Engine.open(Stores.open("memory"), Shop.aggregateTypes(), ShopUpcasters.chain())) {
            for (int i = 0; i < commands; i++) {
                engine.commands().handle(CommandEnvelope.of("RestockItem",
                        Json.parse("{\"sku\":\"bench-sku\",\"quantity\":1}"), "bench", "bench-corr"));
            }
            EventEnvelope first = engine.store().read(EventFilter.ALL, 1, 1, Direction.FORWARDS).get(0);
            Fork fork = new Fork(first.position(), Scope.correlation("bench-corr"), new Change.Skip(first.eventId()));
            WhatIf whatIf = new WhatIf(engine.store(), engine.journal(), Shop.aggregateTypes(), Shop.sagaReactions());
            whatIf.run(fork, ProgressMonitor.NONE); // warm-up
            long best = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                whatIf.run(fork, ProgressMonitor.NONE);
                best = Math.min(best, System.nanoTime() - start);
            }
            return List.of(Figure.of("what-if-branch", best / 1e6, "ms"));
        }
    }
}
