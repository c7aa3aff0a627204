package io.eventscope.shop.saga;

import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandHandler;
import io.eventscope.engine.domain.CommandResult;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.saga.VirtualClock;

/**
 * How the simulation's services and sagas act on the shop: through the engine's command
 * handler, so every step is journaled, joins the order's correlation and names the event it
 * reacts to as its cause. Command ids count up from the run's id (see {@link RunIds}), so a rerun matches.
 */
final class ShopCommands {
    private final CommandHandler handler;
    private final VirtualClock clock;
    private final RunIds ids;

    ShopCommands(CommandHandler handler, VirtualClock clock, String runId) {
        this.handler = handler;
        this.clock = clock;
        this.ids = new RunIds(runId, "cmd");
    }

    /** A root command: the customer placing an order, the warehouse restocking. */
    CommandResult root(String user, String correlationId, Object command) {
        return handle(new CommandEnvelope(nextId(), command.getClass().getSimpleName(), Json.MAPPER.valueToTree(command),
                user, correlationId, null, clock.instant()));
    }

    /** A command issued by {@code user} in reaction to {@code cause}. */
    CommandResult causedBy(EventEnvelope cause, String user, Object command) {
        return handle(new CommandEnvelope(nextId(), command.getClass().getSimpleName(), Json.MAPPER.valueToTree(command),
                user, cause.correlationId(), cause.eventId(), clock.instant()));
    }

    long issued() {
        return ids.issued();
    }

    private String nextId() {
        return ids.next();
    }

    private CommandResult handle(CommandEnvelope command) {
        CommandResult result = handler.handle(command);
        if (result instanceof CommandResult.Conflict conflict) {
            // One thread writes a fresh in-memory store: a conflict is a bug of the simulation, not a business outcome.
            throw new IllegalStateException("simulated command conflicted: " + conflict.reason());
        }
        return result;
    }
}
