package io.eventscope.engine.domain;

/** How a journaled command ended. */
public enum CommandStatus { ACCEPTED, REJECTED, CONFLICT }
