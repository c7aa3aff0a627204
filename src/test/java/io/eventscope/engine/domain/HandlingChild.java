package io.eventscope.engine.domain;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.ForwardingEventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A separate JVM handling one command on a shared store: it opens an account with command id
 * {@code ID}, and when the handler reaches the store's append it prints {@code paused} and
 * waits for a line on stdin, in mode {@code before-append} before the append, in mode
 * {@code after-append} once it has returned. Then it prints {@code done STATUS}, the journal's
 * status of the command. Its parent kills it while it waits, or lets it go on.
 */
public final class HandlingChild {
    private HandlingChild() {
    }

    static Process start(String storeUrl, String mode, String commandId, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                HandlingChild.class.getName(), storeUrl, mode, commandId)
                .redirectError(log.toFile())
                .start();
    }

    public static void main(String[] args) throws Exception {
        boolean pauseBefore = args[1].equals("before-append");
        String commandId = args[2];
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (OpenStore open = Stores.open(args[0])) {
            EventStore store = pausingAtAppend(open.store(), pauseBefore, parent);
            CommandJournal journal = new JdbcCommandJournal(open.database());
            CommandHandler handler = new CommandHandler(store, journal, new StateLoader(store, StateCache.withDefaults()),
                    List.of(BankAccount.type()), RetryPolicy.NONE);
            handler.handle(new CommandEnvelope(commandId, "OpenAccount",
                    Json.parse("{\"accountId\":\"" + commandId + "\",\"owner\":\"Ann\"}"), "ann", null, null, null));
            say("done " + journal.byCommandId(commandId).orElseThrow().status());
        }
    }

    private static EventStore pausingAtAppend(EventStore store, boolean before, BufferedReader parent) {
        return new ForwardingEventStore(store) {
            @Override
            public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
                if (before) {
                    pause(parent);
                }
                AppendResult result = super.append(streamId, expected, events);
                if (!before) {
                    pause(parent);
                }
                return result;
            }
        };
    }

    private static void pause(BufferedReader parent) {
        say("paused");
        try {
            parent.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
