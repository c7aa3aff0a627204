package io.eventscope.engine.domain;

/**
 * Where a journaled command stands. A command is journaled PENDING, with the ids of the events
 * it is about to append, before those events are appended, so no reader ever sees an event
 * whose command the journal lacks. NOT_APPLIED is a PENDING command whose events were never
 * stored (the engine stopped or the store refused them in between); like a CONFLICT, it may be
 * sent again under the same id.
 */
public enum CommandStatus { PENDING, ACCEPTED, REJECTED, CONFLICT, NOT_APPLIED }
