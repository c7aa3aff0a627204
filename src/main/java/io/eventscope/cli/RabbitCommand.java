package io.eventscope.cli;

import picocli.CommandLine.Command;

/** The RabbitMQ bridge on the command line. */
@Command(name = "rabbit", mixinStandardHelpOptions = true,
        description = "Carry events between the store and a RabbitMQ broker: publish the log, consume a queue into the"
                + " store, list, retry or discard dead letters.",
        subcommands = {RabbitPublishCommand.class, RabbitConsumeCommand.class, RabbitDeadLettersCommand.class})
final class RabbitCommand {
}
