package io.eventscope.engine.io;

import io.eventscope.engine.event.NewEvent;

/**
 * One event read from an import file, with the stream it goes to and the version it must get
 * there; {@code version} 0 means "next in the stream" (sources that carry no version, like
 * EventBridge deliveries from other systems).
 */
public record ImportedEvent(String streamId, long version, NewEvent event) {
}
