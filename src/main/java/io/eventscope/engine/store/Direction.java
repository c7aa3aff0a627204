package io.eventscope.engine.store;

/** Reading order. */
public enum Direction { FORWARDS, BACKWARDS }
