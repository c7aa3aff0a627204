package io.eventscope.app.bridges;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.eventscope.app.FxToolkitStarted;
import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TestWorkspace;
import io.eventscope.app.Workspace;
import io.eventscope.bridge.BrokerAddress;
import io.eventscope.bridge.ConsumedMessage.Outcome;
import io.eventscope.bridge.TestBroker;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.upcast.UpcasterChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The Bridges view's logic without a window: no broker, the EventBridge preview, and the real broker. */
@ExtendWith(FxToolkitStarted.class)
class BridgesViewModelTest {
    @TempDir
    Path home;

    private final List<Long> opened = new ArrayList<>();
    private TaskExecutor tasks;
    private BridgesViewModel model;
    private final EventStore store = new InMemoryEventStore();

    @BeforeEach
    void setUp() {
        tasks = new TaskExecutor(new Notices());
        Workspace workspace = TestWorkspace.create(tasks, home, List.of(), UpcasterChain.EMPTY);
        for (int i = 1; i <= 3; i++) {
            store.append("order-o" + i, ExpectedVersion.NO_STREAM, List.of(new NewEvent("e" + i, "OrderCreated", "order",
                    "o" + i, 1, null, Json.parse("{\"n\":" + i + "}"), Metadata.of("u", "c" + i, null))));
        }
        fx(() -> workspace.show(store, "test"));
        waitUntil(() -> fx(() -> workspace.engine()) != null);
        model = fx(() -> new BridgesViewModel(workspace, tasks, UpcasterChain.EMPTY, opened::add));
    }

    @AfterEach
    void tearDown() {
        fx(model::disconnect);
        tasks.close();
    }

    @Test
    void withNoBrokerTheViewSaysSoPlainlyAndNeverShowsThePassword() {
        fx(() -> model.uri().set("amqp://shop:s3cret@127.0.0.1:1"));
        fx(() -> model.connect(new char[0]));
        waitUntil(() -> fx(() -> model.status().get()).startsWith("No broker answers"));
        assertThat(fx(() -> model.status().get())).startsWith("No broker answers at amqp://shop@127.0.0.1:1 (")
                .endsWith("The rest of the workbench works without a broker.").doesNotContain("s3cret");
        assertThat(fx(() -> model.connected().get())).isFalse();

        fx(() -> model.uri().set("htp://x"));
        fx(() -> model.connect(new char[0]));
        assertThat(fx(() -> model.status().get())).contains("amqp://");
    }

    @Test
    void aRefusedPasswordIsNeitherShownNorLogged() {
        TestBroker.required();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            fx(() -> model.uri().set("amqp://guest@127.0.0.1:5672"));
            fx(() -> model.connect("wrong-s3cret".toCharArray()));
            waitUntil(() -> fx(() -> model.status().get()).contains("works without a broker"));
            assertThat(fx(() -> model.status().get())).contains("amqp://guest@127.0.0.1:5672").contains("refused the login").contains("ACCESS_REFUSED")
                    .doesNotContain("s3cret");
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list).extracting(e -> e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? ""
                : e.getThrowableProxy().getMessage())).noneMatch(line -> line.contains("s3cret"));
    }

    @Test
    void thePreviewShowsThePutEventsEntriesOfTheChosenEvents() {
        fx(() -> model.positions().set("2-3"));
        fx(() -> model.source().set("shop"));
        fx(model::previewEventBridge);
        waitUntil(() -> !fx(() -> model.preview().get()).isEmpty());
        String preview = fx(() -> model.preview().get());
        assertThat(preview).startsWith("// PutEvents takes up to 10 entries per call: 2 entries, 1 calls");
        assertThat(Json.parse(preview.substring(preview.indexOf('\n') + 1))).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.get("Source").asText()).isEqualTo("shop"))
                .extracting(entry -> Json.parse(entry.get("Detail").asText()).get("eventId").asText())
                .containsExactly("e2", "e3");

        fx(() -> model.positions().set("3, 1"));
        fx(model::previewEventBridge);
        waitUntil(() -> fx(() -> model.preview().get()).contains("\\\"e1\\\""));
        assertThat(fx(() -> model.preview().get())).startsWith("// PutEvents takes up to 10 entries per call: 2 entries")
                .contains("\\\"eventId\\\":\\\"e1\\\"").contains("\\\"eventId\\\":\\\"e3\\\"")
                .doesNotContain("\\\"eventId\\\":\\\"e2\\\"");

        fx(() -> model.positions().set("3-1"));
        fx(model::previewEventBridge);
        assertThat(fx(() -> model.status().get())).contains("the first of a range not after the last: \"3-1\"");
        fx(() -> model.positions().set("2, x"));
        fx(model::previewEventBridge);
        assertThat(fx(() -> model.status().get())).contains("not \"x\"");
    }

    @Test
    void connectedItPublishesWatchesArrivalsAndHandlesDeadLetters() throws Exception {
        BrokerAddress broker = TestBroker.required();
        TestBroker names = new TestBroker();
        String exchange = names.exchange("view");
        String queue = names.queue("view");
        try {
            fx(() -> {
                model.uri().set("amqp://guest@127.0.0.1:5672");
                model.exchange().set(exchange);
                model.queue().set(queue);
            });
            fx(() -> model.connect("guest".toCharArray()));
            waitUntil(() -> fx(() -> model.connected().get()));
            assertThat(fx(() -> model.status().get())).startsWith("Connected to amqp://guest@127.0.0.1:5672")
                    .doesNotContain("guest@127.0.0.1:5672:guest");

            fx(() -> model.positions().set("1-3"));
            fx(model::publish);
            waitUntil(() -> fx(() -> model.messages().size()) == 3);
            assertThat(fx(() -> List.copyOf(model.messages()))).extracting(m -> m.outcome())
                    .as("the store's own events come back and are recognised").containsOnly(Outcome.DUPLICATE);

            fx(() -> model.paused().set(true));
            try (Connection c = broker.factory().newConnection("eventscope-test producer"); Channel ch = c.createChannel()) {
                ch.basicPublish(exchange, "order.junk", null, "not json".getBytes(StandardCharsets.UTF_8));
            }
            waitUntil(() -> fx(() -> model.deadLetters().size()) == 1);
            assertThat(fx(() -> model.messages().size())).as("paused: nothing new shown").isEqualTo(3);
            fx(() -> model.paused().set(false));
            waitUntil(() -> fx(() -> model.messages().size()) == 4);
            fx(() -> model.selectedMessage().set(model.messages().get(3)));
            assertThat(fx(() -> model.inspected().get())).startsWith("DEAD_LETTERED: the body is not JSON").endsWith("not json");

            fx(() -> model.selectedMessage().set(model.messages().get(1)));
            fx(model::openInEvents);
            waitUntil(() -> opened.size() == 1);
            assertThat(opened).containsExactly(2L);

            fx(() -> model.selectedLetter().set(model.deadLetters().get(0)));
            fx(model::discardDeadLetter);
            waitUntil(() -> fx(() -> model.deadLetters().isEmpty()));

            TestBroker.closeConnection("eventscope-consumer " + queue);
            waitUntil(() -> fx(() -> model.status().get()).startsWith("Reconnected"));
            assertThat(fx(() -> model.status().get())).as("said in the status line, without the password")
                    .isEqualTo("Reconnected to amqp://guest@127.0.0.1:5672 (attempt 1).");
            fx(model::disconnect);
            waitUntil(() -> !fx(() -> model.connected().get()));
            assertThat(fx(() -> model.status().get())).startsWith("Disconnected. This session received 4 messages")
                    .endsWith("the connection was lost and opened again 1 time(s), and what came again was recognised.");

            fx(() -> model.into().set(ConsumeInto.BUS));
            fx(() -> model.connect("guest".toCharArray()));
            waitUntil(() -> fx(() -> model.connected().get()));
            assertThat(fx(() -> model.status().get())).endsWith("into the bus.");
            fx(() -> model.publishPicked(List.of(3L, 1L)));
            waitUntil(() -> fx(() -> model.messages().size()) == 6);
            assertThat(fx(() -> List.copyOf(model.messages().subList(4, 6)))).extracting(m -> m.outcome() + " " + m.eventId())
                    .as("onto the bus, the store's own events are new there").containsExactly("DELIVERED e1", "DELIVERED e3");
            fx(model::disconnect);
            waitUntil(() -> !fx(() -> model.connected().get()));
            assertThat(fx(() -> model.status().get())).contains("0 stored, 2 delivered to the bus");
        } finally {
            names.deleteAll(broker);
        }
    }
}
