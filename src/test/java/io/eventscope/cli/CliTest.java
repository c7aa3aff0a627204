package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliTest {
    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.of("apend", "--stream", "x");

        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("Unmatched argument").contains("append").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() {
        CliRun run = CliRun.of("read", "--store", "x", "--colour", "red");

        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("Unknown options: '--colour', 'red'")
                .contains("Try 'eventscope read --help' for usage.");
    }

    @Test
    void aStoreWithoutACommandIsAUsageError() {
        CliRun run = CliRun.of("--store");

        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("--store").doesNotContain("\tat ");
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("append", "read", "stats", "generate");
    }
}
