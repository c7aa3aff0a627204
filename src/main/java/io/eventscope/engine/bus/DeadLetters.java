package io.eventscope.engine.bus;

import java.util.List;
import java.util.Optional;

/** Where dead letters are kept until retried or discarded. */
public interface DeadLetters {

    /** Stores a letter (its id is ignored) and returns the id it was given. */
    long park(DeadLetter letter);

    /** All parked letters, oldest first. */
    List<DeadLetter> list();

    Optional<DeadLetter> find(long id);

    /** Records another failed attempt on a parked letter. */
    void failedAgain(long id, String error, int attempts);

    /** Removes a letter; false when there was none with that id. */
    boolean remove(long id);
}
