package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseCommandTest {
    @TempDir
    Path dir;

    @Test
    void export_verify_and_import_a_case_then_refuse_a_damaged_one() throws Exception {
        String source = dir.resolve("source").toString();
        CliRun created = CliRun.of("command", "--store", source, "--type", "CreateOrder", "--json",
                "{\"orderId\":\"o1\",\"userId\":\"alice\",\"items\":[{\"sku\":\"a\",\"quantity\":1,\"unitPrice\":2.00}]}",
                "--correlation-id", "c1");
        assertThat(created.exit()).as(created.err()).isZero();
        Path file = dir.resolve("o1.escase");

        CliRun export = CliRun.of("case", "export", "--store", source, "--correlation-id", "c1", "--out", file.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.json().get(0).get("events").asInt()).isEqualTo(1);

        CliRun verify = CliRun.of("case", "verify", file.toString());
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.json().get(0).get("counts").get("commands").asInt()).isEqualTo(1);

        String target = dir.resolve("target").toString();
        CliRun imported = CliRun.of("case", "import", file.toString(), "--store", target);
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.json().get(0).get("events").asInt()).isEqualTo(1);
        assertThat(CliRun.of("read", "--store", target).lines()).hasSize(1);

        Path junk = dir.resolve("junk.escase");
        Files.write(junk, new byte[] {1, 2, 3});
        CliRun refused = CliRun.of("case", "verify", junk.toString());
        assertThat(refused.exit()).isEqualTo(Cli.FINDING);
        assertThat(refused.err()).startsWith("error: junk.escase is not a readable case file").hasLineCount(1);
    }

    @Test
    void a_correlation_with_nothing_in_it_is_a_usage_error() {
        CliRun run = CliRun.of("case", "export", "--store", "mem", "--correlation-id", "nope", "--out",
                dir.resolve("x.escase").toString());
        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("no events and no commands with correlation id 'nope'");
        assertThat(dir.resolve("x.escase")).doesNotExist();
    }
}
