package io.eventscope.app.timeline;

import javafx.beans.property.ReadOnlyLongProperty;

/** What the stepping keys and a slider move: a position in 0..length that can be stepped, jumped and played. */
public interface Scrubbing {
    ReadOnlyLongProperty length();

    ReadOnlyLongProperty position();

    void jumpTo(long position);

    void first();

    void previous();

    void next();

    void last();

    /** Ten back (Shift+Left). */
    void bigPrevious();

    /** Ten on (Shift+Right). */
    void bigNext();

    void togglePlay();
}
