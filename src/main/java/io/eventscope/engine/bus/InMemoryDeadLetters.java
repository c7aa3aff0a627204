package io.eventscope.engine.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Dead letters of an in-memory store: lost with it. */
public final class InMemoryDeadLetters implements DeadLetters {
    private final TreeMap<Long, DeadLetter> letters = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized long park(DeadLetter letter) {
        long id = ++lastId;
        letters.put(id, new DeadLetter(id, letter.handlerName(), letter.event(), letter.error(), letter.attempts(),
                letter.parkedAt()));
        return id;
    }

    @Override
    public synchronized List<DeadLetter> list() {
        return new ArrayList<>(letters.values());
    }

    @Override
    public synchronized Optional<DeadLetter> find(long id) {
        return Optional.ofNullable(letters.get(id));
    }

    @Override
    public synchronized void failedAgain(long id, String error, int attempts) {
        DeadLetter l = letters.get(id);
        if (l != null) {
            letters.put(id, new DeadLetter(id, l.handlerName(), l.event(), error, attempts, l.parkedAt()));
        }
    }

    @Override
    public synchronized boolean remove(long id) {
        return letters.remove(id) != null;
    }
}
