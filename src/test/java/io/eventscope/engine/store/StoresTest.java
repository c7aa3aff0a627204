package io.eventscope.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetHome() {
        System.clearProperty(Stores.HOME_PROPERTY);
    }

    private static void appendOne(EventStore store) {
        store.append("order-1", ExpectedVersion.ANY, List.of(NewEvent.of("E", Json.object(), Metadata.EMPTY)));
    }

    @Test
    void noSpecOpensTheDefaultStoreInTheEventscopeHome() {
        Path home = dir.resolve("home").resolve(".eventscope");
        System.setProperty(Stores.HOME_PROPERTY, home.toString());
        try (OpenStore open = Stores.open(null)) {
            appendOne(open.store());
            assertThat(open.inMemory()).isFalse();
            assertThat(open.store().describe()).isEqualTo(home.resolve("default.mv.db").toString());
        }
        assertThat(home.resolve("default.mv.db")).exists();
        try (OpenStore again = Stores.open("  ")) {
            assertThat(again.store().headPosition()).isEqualTo(1);
        }
    }

    @Test
    void theDefaultStoreNamedByItsPathStillCreatesTheEventscopeHome() {
        Path home = dir.resolve("fresh").resolve(".eventscope");
        System.setProperty(Stores.HOME_PROPERTY, home.toString());
        try (OpenStore open = Stores.open(home.resolve("default.mv.db").toString())) {
            appendOne(open.store());
        }
        assertThat(home.resolve("default.mv.db")).exists();
    }

    @Test
    void aPathNamesAnH2FileWithOrWithoutItsSuffix() {
        try (OpenStore open = Stores.open(dir.resolve("shop").toString())) {
            appendOne(open.store());
            assertThat(open.database().url()).isEqualTo("jdbc:h2:file:" + dir.resolve("shop"));
        }
        assertThat(dir.resolve("shop.mv.db")).exists();
        try (OpenStore open = Stores.open(dir.resolve("shop.mv.db").toString())) {
            assertThat(open.store().headPosition()).isEqualTo(1);
        }
    }

    @Test
    void memOrMemoryIsAnInMemoryStoreAndJdbcUrlsAreTakenAsIs() {
        try (OpenStore mem = Stores.open("mem"); OpenStore memory = Stores.open("MEMORY")) {
            assertThat(mem.inMemory()).isTrue();
            assertThat(memory.store()).isInstanceOf(InMemoryEventStore.class);
        }
        String url = "jdbc:h2:mem:stores-test;DB_CLOSE_DELAY=-1";
        try (OpenStore jdbc = Stores.open(url)) {
            assertThat(jdbc.database().url()).isEqualTo(url);
            appendOne(jdbc.store());
            assertThat(jdbc.store().headPosition()).isEqualTo(1);
        }
    }

    @Test
    void aMissingFolderIsNamedWithWhatToDo() {
        Path missing = dir.resolve("no-such-folder").resolve("shop");
        assertThatThrownBy(() -> Stores.open(missing.toString()))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining(missing + ".mv.db")
                .hasMessageContaining("folder " + missing.getParent() + " does not exist")
                .hasMessageContaining("Create it");
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void aFolderIsNotAStoreAndTheMessageSaysWhatToName() {
        assertThatThrownBy(() -> Stores.open(dir.toString()))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining(dir + ": it is a folder")
                .hasMessageContaining(dir.resolve("shop").toString());
    }

    @Test
    void aCorruptedFileIsNamedWithWhatToDoAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("broken.mv.db");
        byte[] garbage = "this is not an H2 database, just some text that happens to sit here\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        assertThatThrownBy(() -> Stores.open(dir.resolve("broken").toString()))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("corrupted")
                .hasMessageContaining("backup");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aStoreOpenInAnotherProcessIsNamedWithWhatToDo() throws Exception {
        Path store = dir.resolve("busy");
        Process child = AppendingChild.start(store, dir.resolve("child.log"));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("child log: %s", Files.readString(dir.resolve("child.log"))).startsWith("acked");
            assertThatThrownBy(() -> Stores.open(store.toString()))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining(store + ".mv.db")
                    .hasMessageContaining("in use by another process")
                    .hasMessageContaining("Close the other");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
