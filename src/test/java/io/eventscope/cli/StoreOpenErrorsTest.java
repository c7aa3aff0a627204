package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot be opened is a usage error naming the file and what to do, never a stack trace. */
class StoreOpenErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFolder() {
        Path missing = dir.resolve("nowhere").resolve("shop");

        CliRun run = CliRun.of("append", "--store", missing.toString(), "--stream", "order-1", "--type", "T",
                "--data", "{}");

        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains(missing + ".mv.db").contains("does not exist").doesNotContain("\tat ");
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void aCorruptedFile() throws Exception {
        Path file = dir.resolve("broken.mv.db");
        Files.writeString(file, "not a database\n".repeat(200));

        CliRun run = CliRun.of("stats", "--store", dir.resolve("broken").toString());

        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains(file.toString()).contains("corrupted").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    /**
     * The real jar's entry point in a child JVM: it generates until killed; while it runs the
     * store is locked, and after kill -9 every position it acknowledged is there and sound.
     */
    @Test
    void aStoreInUseByAGeneratorAndWhatSurvivesItsKill() throws Exception {
        String store = dir.resolve("busy").toString();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.eventscope.Launcher",
                "generate", "--store", store, "--streams", "1000000", "--events-per-stream", "5", "--batch", "50")
                .redirectError(dir.resolve("child.log").toFile())
                .start();
        long acked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 20; i++) {
                String line = out.readLine();
                assertThat(line).as("child log: %s", Files.readString(dir.resolve("child.log"))).matches("acked \\d+");
                acked = Long.parseLong(line.substring("acked ".length()));
            }
            CliRun locked = CliRun.of("stats", "--store", store);
            assertThat(locked.exit()).isEqualTo(Cli.USAGE);
            assertThat(locked.err()).contains(store + ".mv.db").contains("in use by another process")
                    .doesNotContain("\tat ");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(acked).isEqualTo(1000);
        CliRun lastAcked = CliRun.of("read", "--store", store, "--from-position", Long.toString(acked), "--limit", "1");
        assertThat(lastAcked.json()).extracting(e -> e.get("position").asLong()).containsExactly(acked);
        CliRun verify = CliRun.of("verify", "--store", store);
        assertThat(verify.exit()).as(verify.out()).isZero();
    }
}
