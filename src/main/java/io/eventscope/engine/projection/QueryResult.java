package io.eventscope.engine.projection;

import java.util.List;

/**
 * What a console query returned: column labels and rows as text (null for SQL NULL), at most
 * the row limit asked for; {@code truncated} says more rows were there.
 */
public record QueryResult(List<String> columns, List<List<String>> rows, boolean truncated) {
}
