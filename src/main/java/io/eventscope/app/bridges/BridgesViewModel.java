package io.eventscope.app.bridges;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.eventscope.app.FxBatcher;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.bridge.BrokerAddress;
import io.eventscope.bridge.BusDestination;
import io.eventscope.bridge.ConsumeReport;
import io.eventscope.bridge.ConsumedMessage;
import io.eventscope.bridge.ConsumerSettings;
import io.eventscope.bridge.DeadLetter;
import io.eventscope.bridge.DeadLetterQueue;
import io.eventscope.bridge.Destination;
import io.eventscope.bridge.RabbitConsumer;
import io.eventscope.bridge.RabbitPublisher;
import io.eventscope.bridge.StoreDestination;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.EventBridgeFormat;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.upcast.UpcasterChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Bridges view: connect to a RabbitMQ broker and consume a queue into the open store or
 * onto its engine's event bus, watching what arrives; publish events by position, or those
 * picked in the Events view; see the queue's dead letters, retry or discard them; and preview
 * the EventBridge PutEvents entries of events. The password is taken at connect and kept only
 * inside the connection factory: no property, log line or setting ever holds it. Every broker
 * and store call runs in a task.
 */
public final class BridgesViewModel {
    /** Rows kept in the arrivals table; older ones give way. */
    static final int SHOWN_MESSAGES = 10_000;
    private static final Duration UNTIL_STOPPED = Duration.ofDays(3650);

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final LongConsumer eventOpener;
    private final UpcasterChain upcasters;

    private final StringProperty uri = new SimpleStringProperty(BrokerAddress.DEFAULT_URI);
    private final StringProperty exchange = new SimpleStringProperty("eventscope");
    private final StringProperty queue = new SimpleStringProperty("eventscope-workbench");
    private final StringProperty binding = new SimpleStringProperty("#");
    private final ObjectProperty<ConsumeInto> into = new SimpleObjectProperty<>(ConsumeInto.STORE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not connected.");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ObservableList<ConsumedMessage> messages = FXCollections.observableArrayList();
    private final List<ConsumedMessage> held = new ArrayList<>();
    private final ObjectProperty<ConsumedMessage> selectedMessage = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper inspected = new ReadOnlyStringWrapper("");
    private final ObservableList<DeadLetter> deadLetters = FXCollections.observableArrayList();
    private final ObjectProperty<DeadLetter> selectedLetter = new SimpleObjectProperty<>();
    private final StringProperty positions = new SimpleStringProperty("1-10");
    private final StringProperty source = new SimpleStringProperty(EventBridgeFormat.DEFAULT_SOURCE);
    private final StringProperty busName = new SimpleStringProperty(EventBridgeFormat.DEFAULT_BUS);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final FxBatcher<ConsumedMessage> arrivals = new FxBatcher<>(this::arrived);
    /** A lost connection and its return, said in the status line while connected. */
    private final FxBatcher<String> connectionNotices = new FxBatcher<>(batch -> {
        if (connected.get()) {
            status.set(batch.get(batch.size() - 1) + ".");
        }
    });

    private BrokerAddress broker;
    private ConsumerSettings settings;
    private AtomicBoolean stop = new AtomicBoolean();

    public BridgesViewModel(Workspace workspace, TaskExecutor tasks, UpcasterChain upcasters, LongConsumer eventOpener) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.upcasters = upcasters;
        this.eventOpener = eventOpener;
        selectedMessage.addListener((obs, old, m) -> inspected.set(m == null ? "" : describe(m)));
        paused.addListener((obs, was, now) -> {
            if (!now) {
                arrived(List.copyOf(held));
                held.clear();
            }
        });
    }

    /** Connects with this password (empty when the URI has one or needs none) and starts consuming. */
    public void connect(char[] password) {
        if (connected.get()) {
            return;
        }
        String shownUri = uri.get();
        ConsumerSettings wanted;
        BrokerAddress address;
        try {
            address = BrokerAddress.parse(shownUri, password);
            wanted = ConsumerSettings.of(exchange.get().trim(), queue.get().trim(), binding.get().trim());
        } catch (IllegalArgumentException e) {
            status.set("Cannot connect: " + e.getMessage() + ".");
            return;
        }
        if (workspace.engine() == null) {
            status.set("Open a store first: consumed events go into it or onto its bus.");
            return;
        }
        status.set("Connecting to " + address + " …");
        ConsumeInto target = into.get();
        Destination destination = target == ConsumeInto.BUS ? new BusDestination(workspace.engine().bus(), upcasters)
                : new StoreDestination(workspace.eventStore());
        AtomicBoolean stopThis = new AtomicBoolean();
        stop = stopThis;
        tasks.run(progress -> {
            RabbitConsumer consumer = new RabbitConsumer(address, wanted, destination);
            try {
                consumer.declare();
            } catch (RuntimeException e) {
                consumer.close();
                return Outcome.failed(e);
            }
            return Outcome.connected(consumer);
        }, outcome -> {
            if (outcome.consumer == null) {
                status.set(outcome.error + ". The rest of the workbench works without a broker.");
                return;
            }
            broker = address;
            settings = wanted;
            connected.set(true);
            status.set("Connected to " + address + ": consuming queue " + wanted.queue() + " bound to " + wanted.exchange()
                    + " by " + wanted.binding() + " into " + target + ".");
            consume(outcome.consumer, stopThis);
            refreshDeadLetters();
        });
    }

    private void consume(RabbitConsumer consumer, AtomicBoolean stopThis) {
        consumer.onConnectionNotice(connectionNotices::add);
        tasks.run(progress -> {
            try (consumer) {
                ConsumeReport r = consumer.run(Long.MAX_VALUE, UNTIL_STOPPED,
                        () -> stopThis.get() || progress.isCancelled(), arrivals::add);
                return "Disconnected. This session received " + r.received() + " messages: " + r.stored() + " stored, "
                        + r.delivered() + " delivered to the bus, " + r.duplicates() + " already taken, "
                        + r.deadLettered() + " dead-lettered" + (r.reconnects() == 0 ? "." : "; the connection was lost"
                        + " and opened again " + r.reconnects() + " time(s), and what came again was recognised.");
            } catch (RuntimeException e) {
                return "Disconnected: " + e.getMessage() + ".";
            }
        }, ended -> {
            connected.set(false);
            status.set(ended);
        });
    }

    public void disconnect() {
        stop.set(true);
    }

    private void arrived(List<ConsumedMessage> batch) {
        if (batch.stream().anyMatch(m -> m.outcome() == ConsumedMessage.Outcome.DEAD_LETTERED)) {
            refreshDeadLetters();
        }
        if (paused.get()) {
            held.addAll(batch);
            return;
        }
        messages.addAll(batch);
        if (messages.size() > SHOWN_MESSAGES) {
            messages.remove(0, messages.size() - SHOWN_MESSAGES);
        }
    }

    /** Selects the stored event of the selected message in the Events view. */
    public void openInEvents() {
        ConsumedMessage m = selectedMessage.get();
        if (m == null || m.eventId() == null) {
            return;
        }
        EventStore store = workspace.eventStore();
        tasks.run(progress -> store.positionsOf(List.of(m.eventId())), found -> {
            Long position = found.get(m.eventId());
            if (position == null) {
                status.set("Event " + m.eventId() + " is not in the open store.");
            } else {
                eventOpener.accept(position);
            }
        });
    }

    /** Publishes the events at the chosen positions to the exchange; the publish checkpoint stays where it is. */
    public void publish() {
        if (broker == null) {
            status.set("Connect to a broker first; then publish positions " + positions.get() + ".");
            return;
        }
        Positions picked = picked();
        if (picked == null) {
            return;
        }
        BrokerAddress address = broker;
        String target = settings.exchange();
        EventStore store = workspace.eventStore();
        tasks.run("Publishing to " + target, progress -> {
            List<EventEnvelope> events = read(store, picked);
            try (RabbitPublisher publisher = new RabbitPublisher(address, target)) {
                publisher.publish(events);
            } catch (RuntimeException e) {
                return "Publishing failed: " + e.getMessage() + ".";
            }
            return "Published " + events.size() + " events (positions " + picked + ") to exchange " + target
                    + "; the broker confirmed every one.";
        }, status::set);
    }

    /** Publishes these events (picked in another view), as {@link #publish} does with them as the positions. */
    public void publishPicked(List<Long> picked) {
        positions.set(Positions.of(picked).toString());
        publish();
    }

    /** Previews the PutEvents entries of these events (picked in another view). */
    public void previewPicked(List<Long> picked) {
        positions.set(Positions.of(picked).toString());
        previewEventBridge();
    }

    /** The PutEvents entries of the chosen events, as a JSON array. */
    public void previewEventBridge() {
        Positions range = picked();
        if (range == null) {
            return;
        }
        String entrySource = source.get().isBlank() ? EventBridgeFormat.DEFAULT_SOURCE : source.get().trim();
        String bus = busName.get().isBlank() ? EventBridgeFormat.DEFAULT_BUS : busName.get().trim();
        EventStore store = workspace.eventStore();
        tasks.run(progress -> {
            ArrayNode entries = Json.MAPPER.createArrayNode();
            for (EventEnvelope e : read(store, range)) {
                entries.add(EventBridgeFormat.toPutEventsEntry(e, entrySource, bus));
            }
            return entries.isEmpty() ? "No events at positions " + range + "."
                    : "// PutEvents takes up to 10 entries per call: " + entries.size() + " entries, "
                    + (entries.size() + 9) / 10 + " calls\n" + Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(entries);
        }, preview::set);
    }

    public void refreshDeadLetters() {
        if (broker == null) {
            return;
        }
        BrokerAddress address = broker;
        String consumed = settings.queue();
        tasks.run(progress -> {
            try (DeadLetterQueue letters = new DeadLetterQueue(address, consumed)) {
                return letters.list();
            }
        }, deadLetters::setAll);
    }

    public void retryDeadLetter() {
        onSelectedLetter(true);
    }

    public void discardDeadLetter() {
        onSelectedLetter(false);
    }

    private void onSelectedLetter(boolean retry) {
        DeadLetter letter = selectedLetter.get();
        if (letter == null || broker == null) {
            return;
        }
        BrokerAddress address = broker;
        String consumed = settings.queue();
        tasks.run(progress -> {
            try (DeadLetterQueue letters = new DeadLetterQueue(address, consumed)) {
                return retry ? letters.retry(letter.id()) : letters.discard(letter.id());
            }
        }, done -> {
            status.set(done ? (retry ? "Sent the letter back to " + letter.exchange() + "." : "Discarded the letter.")
                    : "That letter is no longer in the dead-letter queue.");
            refreshDeadLetters();
        });
    }

    private Positions picked() {
        try {
            return Positions.parse(positions.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage() + ".");
            return null;
        }
    }

    private static List<EventEnvelope> read(EventStore store, Positions picked) {
        List<EventEnvelope> events = new ArrayList<>();
        for (Positions.Range range : picked.ranges()) {
            store.read(EventFilter.ALL, range.from(), range.size(), Direction.FORWARDS).stream()
                    .filter(e -> e.position() <= range.to()).forEach(events::add);
        }
        return events;
    }

    private static String describe(ConsumedMessage m) {
        StringBuilder text = new StringBuilder();
        text.append(m.outcome()).append(m.reason() == null ? "" : ": " + m.reason()).append('\n');
        text.append("routing key ").append(m.routingKey()).append(", message id ").append(m.messageId());
        if (m.streamId() != null) {
            text.append(", stream ").append(m.streamId());
        }
        return text.append("\n\n").append(m.body()).toString();
    }

    private record Outcome(RabbitConsumer consumer, String error) {
        static Outcome connected(RabbitConsumer consumer) {
            return new Outcome(consumer, null);
        }

        static Outcome failed(RuntimeException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    public StringProperty uri() {
        return uri;
    }

    public StringProperty exchange() {
        return exchange;
    }

    public StringProperty queue() {
        return queue;
    }

    public StringProperty binding() {
        return binding;
    }

    /** Where consumed events go; chosen before connecting. */
    public ObjectProperty<ConsumeInto> into() {
        return into;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connected() {
        return connected.getReadOnlyProperty();
    }

    public BooleanProperty paused() {
        return paused;
    }

    public ObservableList<ConsumedMessage> messages() {
        return messages;
    }

    public ObjectProperty<ConsumedMessage> selectedMessage() {
        return selectedMessage;
    }

    public ReadOnlyStringProperty inspected() {
        return inspected.getReadOnlyProperty();
    }

    public ObservableList<DeadLetter> deadLetters() {
        return deadLetters;
    }

    public ObjectProperty<DeadLetter> selectedLetter() {
        return selectedLetter;
    }

    public StringProperty positions() {
        return positions;
    }

    public StringProperty source() {
        return source;
    }

    public StringProperty busName() {
        return busName;
    }

    public ReadOnlyStringProperty preview() {
        return preview.getReadOnlyProperty();
    }
}
