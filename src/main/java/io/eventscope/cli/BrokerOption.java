package io.eventscope.cli;

import io.eventscope.bridge.BrokerAddress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --uri} option of the rabbit commands; a password may come from the environment instead. */
final class BrokerOption {
    static final String PASSWORD_VARIABLE = "EVENTSCOPE_BROKER_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--uri", paramLabel = "URI", defaultValue = "amqp://guest:guest@127.0.0.1:5672",
            description = "The broker, amqp://user[:password]@host[:port][/vhost] (default: the local broker as guest)."
                    + " Leave the password out of the URI to take it from the environment variable " + PASSWORD_VARIABLE
                    + ", which no process list shows.")
    String uri;

    BrokerAddress address() {
        String password = System.getenv(PASSWORD_VARIABLE);
        try {
            return BrokerAddress.parse(uri, password == null ? null : password.toCharArray());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--uri: " + e.getMessage());
        }
    }
}
