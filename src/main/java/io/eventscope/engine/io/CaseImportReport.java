package io.eventscope.engine.io;

/** What importing a case did: the events it appended and the commands it journaled (and found already there). */
public record CaseImportReport(String file, long events, long commands, long commandsAlreadyThere) {
}
