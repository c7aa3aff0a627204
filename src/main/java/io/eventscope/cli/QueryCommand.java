package io.eventscope.cli;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.shop.readmodel.OrderQueryHandler;
import io.eventscope.shop.readmodel.SagaStatusQueryHandler;
import io.eventscope.shop.readmodel.StockQueryHandler;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Asks the shop's read models (brought up to the head first): orders, stock, sagas. JSON out.")
final class QueryCommand {
    /** {@code --store} given before the subcommand's name. */
    @Mixin
    StoreOption outerStore;

    @Spec
    CommandSpec spec;

    static final class Which {
        @Option(names = "--id", paramLabel = "ID", description = "One order, or null when there is none.")
        String id;

        @Option(names = "--user", paramLabel = "U", description = "A user's orders, newest first.")
        String user;
    }

    @Command(name = "orders", mixinStandardHelpOptions = true,
            description = "Orders from order_read_model: one by --id, a user's by --user, or all by id.")
    int orders(@Mixin StoreOption store, @ArgGroup(exclusive = true) Which which) {
        try (ReadSide side = ReadSide.open(store.orElse(outerStore))) {
            OrderQueryHandler orders = new OrderQueryHandler(side.caughtUp());
            Object result = which == null ? orders.all()
                    : which.id != null ? orders.order(which.id).orElse(null)
                    : orders.userOrders(which.user);
            spec.commandLine().getOut().println(Json.write(Json.MAPPER.valueToTree(result)));
        }
        return Cli.OK;
    }

    @Command(name = "stock", mixinStandardHelpOptions = true,
            description = "Stock levels per SKU; with --below N only those with fewer than N available, lowest first.")
    int stock(@Mixin StoreOption store,
              @Option(names = "--below", paramLabel = "N", description = "Low stock: fewer than N units available.") Long below) {
        try (ReadSide side = ReadSide.open(store.orElse(outerStore))) {
            StockQueryHandler stock = new StockQueryHandler(side.caughtUp());
            Object result = below == null ? stock.all() : stock.lowStock(below);
            spec.commandLine().getOut().println(Json.write(Json.MAPPER.valueToTree(result)));
        }
        return Cli.OK;
    }

    @Command(name = "sagas", mixinStandardHelpOptions = true,
            description = "Sagas from saga_status in the order they started; with --status only those standing so.")
    int sagas(@Mixin StoreOption store,
              @Option(names = "--status", paramLabel = "STATUS",
                      description = "running, compensating, completed, compensated or needs-intervention.") String status) {
        SagaStatus wanted = null;
        if (status != null) {
            wanted = SagaStatus.ofLabel(status).orElse(null);
            if (wanted == null) {
                spec.commandLine().getErr().println("query sagas: --status must be one of " + SagaStatus.labels()
                        + ", was '" + status + "'");
                return Cli.USAGE;
            }
        }
        try (ReadSide side = ReadSide.open(store.orElse(outerStore))) {
            Object result = new SagaStatusQueryHandler(side.caughtUp()).sagas(wanted);
            spec.commandLine().getOut().println(Json.write(Json.MAPPER.valueToTree(result)));
        }
        return Cli.OK;
    }
}
