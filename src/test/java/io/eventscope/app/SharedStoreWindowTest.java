package io.eventscope.app;

import static io.eventscope.app.FxWait.waitUntil;
import static io.eventscope.app.Shown.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.Launcher;
import io.eventscope.app.connect.ConnectionViewModel;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window on a PostgreSQL store: opened from the connection dialog, live with other writers, never keeping a password. */
@ExtendWith(ApplicationExtension.class)
class SharedStoreWindowTest {
    private static final String PASSWORD = "not-needed-s3cret";

    @TempDir
    Path home;
    private TestPostgres server;
    private Workbench workbench;

    @BeforeEach
    void createDatabase() {
        server = TestPostgres.create("window");
    }

    @Start
    void start(Stage stage) {
        workbench = new Workbench(new Settings(home), file -> {
            throw new IllegalStateException("this test opens no files");
        }, new StoreSeeder(home.resolve("none.ndjson")));
        stage.setScene(workbench.createScene());
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
        server.close();
    }

    @Test
    void aStoreOpenedFromTheDialogShowsAnotherWritersAppendsLiveAndKeepsNoPassword(FxRobot robot) throws IOException {
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.SHORTCUT);
        waitUntil(() -> robot.lookup("#databaseField").tryQuery().isPresent());
        robot.doubleClickOn("#databaseField").eraseText(8).write(database());
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.clickOn("Connect");
        String name = "postgresql://127.0.0.1:5432/" + database();
        waitUntil(() -> text(robot, "#storeLabel").equals(name));
        waitUntil(() -> text(robot, "#countLabel").equals("0 events · head 0"));

        try (OpenStore other = Stores.open(server.url())) {
            other.store().append("order-1", ExpectedVersion.NO_STREAM, List.of(
                    NewEvent.of("OrderCreated", Json.object(), Metadata.EMPTY),
                    NewEvent.of("OrderPaid", Json.object(), Metadata.EMPTY)));
            waitUntil(() -> text(robot, "#countLabel").equals("2 events · head 2"));
        }

        assertThat(new Settings(home).recentSharedStores())
                .containsExactly("jdbc:postgresql://127.0.0.1:5432/" + database() + "?user=postgres");
        assertThat(Files.readString(home.resolve("settings.properties"))).doesNotContain(PASSWORD);
        assertThat(workbench.connection().password().get()).isEmpty();
    }

    @Test
    void theEventsViewsLiveTailShowsWhatAGenerateInAnotherProcessAppends(FxRobot robot) throws Exception {
        connect(robot, "5432", "");
        // The first store this JVM opens migrates a new database: on a loaded machine, longer than one patience.
        for (int patience = 1; ; patience++) {
            try {
                waitUntil(() -> text(robot, "#storeLabel").equals("postgresql://127.0.0.1:5432/" + database()));
                break;
            } catch (AssertionError slow) {
                if (patience == 6) {
                    throw slow;
                }
            }
        }
        robot.clickOn("#nav-events");
        waitUntil(() -> robot.lookup("#table").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process generate = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "generate", "--store", server.url(), "--streams", "20",
                "--events-per-stream", "25", "--batch", "10", "--seed", "7")
                .redirectErrorStream(true).redirectOutput(home.resolve("generate.log").toFile()).start();
        try {
            // A child JVM on a loaded machine may take longer to start than a wait lasts.
            assertThat(generate.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(generate.exitValue()).as(Files.readString(home.resolve("generate.log"))).isZero();
            // Nobody reloads: the rows come by the live tail.
            waitUntil(() -> table.getItems().size() == 500);
            waitUntil(() -> text(robot, "#countLabel").equals("500 events · head 500"));
        } finally {
            generate.destroyForcibly();
        }
    }

    @Test
    void aServerThatIsDownIsExplainedAndTheOpenStoreStays(FxRobot robot) {
        connect(robot, "5432", "");
        String name = "postgresql://127.0.0.1:5432/" + database();
        waitUntil(() -> text(robot, "#storeLabel").equals(name));

        connect(robot, "1", PASSWORD);

        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Opening jdbc:postgresql://127.0.0.1:1/" + database()
                + "?user=postgres failed");
        assertThat(dialog.getContentText()).startsWith("Cannot reach the PostgreSQL server at 127.0.0.1:1")
                .contains("Start the server").doesNotContain(PASSWORD).doesNotContain("at org.");
        assertThat(text(robot, "#storeLabel")).isEqualTo(name);
        robot.interact(() -> ((javafx.stage.Stage) dialog.getScene().getWindow()).close());
        robot.clickOn("#nav-events");
        waitUntil(() -> robot.lookup("#table").tryQuery().isPresent());
    }

    private void connect(FxRobot robot, String port, String password) {
        ConnectionViewModel c = workbench.connection();
        robot.interact(() -> {
            c.host().set("127.0.0.1");
            c.port().set(port);
            c.database().set(database());
            c.user().set("postgres");
            c.password().set(password);
            c.connect();
        });
    }

    private String database() {
        String url = server.url();
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }
}
