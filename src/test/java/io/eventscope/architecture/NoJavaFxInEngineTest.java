package io.eventscope.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine and the shop are plain Java: they run headless, in the CLI and in tests. */
class NoJavaFxInEngineTest {
    private static final Pattern JAVAFX_IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.", Pattern.MULTILINE);
    private static final Path MAIN = Path.of("src", "main", "java", "io", "eventscope");

    @Test
    void neitherTheEngineNorTheShopImportsJavaFx() {
        assertThat(MAIN.resolve("engine")).isDirectory();
        assertThat(filesImportingJavaFx(MAIN.resolve("engine"))).isEmpty();
        assertThat(filesImportingJavaFx(MAIN.resolve("shop"))).isEmpty();
    }

    @Test
    void theScanFindsAJavaFxImport(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("deep"));
        Files.writeString(dir.resolve("deep").resolve("Bad.java"), "package x;\n\nimport javafx.scene.Node;\n");
        Files.writeString(dir.resolve("Good.java"), "package x;\n// mentions javafx.scene.Node in a comment only\n");
        assertThat(filesImportingJavaFx(dir)).containsExactly(dir.resolve("deep").resolve("Bad.java"));
    }

    static List<Path> filesImportingJavaFx(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(NoJavaFxInEngineTest::importsJavaFx).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean importsJavaFx(Path file) {
        try {
            return JAVAFX_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
