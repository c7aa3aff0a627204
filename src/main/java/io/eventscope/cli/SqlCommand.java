package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.projection.QueryResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Runs a query as the read-only console does: as a database user that may only read, so any"
                + " write is refused by the database. Read model tables (order_read_model, stock_levels) and the"
                + " store's (events, command_journal) go by their plain names.",
                "JSON (an array of objects, values as text) or CSV with a header line."})
final class SqlCommand implements Callable<Integer> {
    enum Format { json, csv }

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "SQL", description = "The query, e.g. \"SELECT * FROM order_read_model\".")
    String sql;

    @Option(names = "--format", defaultValue = "json", description = "json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--max-rows", defaultValue = "100000", paramLabel = "N",
            description = "At most N rows (default: ${DEFAULT-VALUE}); a note on stderr says when more were there.")
    int maxRows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ReadSide side = ReadSide.open(store)) {
            QueryResult result = side.caughtUp().console().run(sql, maxRows);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.csv) {
                out.println(csvLine(result.columns()));
                result.rows().forEach(row -> out.println(csvLine(row)));
            } else {
                ArrayNode rows = Json.MAPPER.createArrayNode();
                for (List<String> row : result.rows()) {
                    ObjectNode o = rows.addObject();
                    for (int i = 0; i < row.size(); i++) {
                        o.put(result.columns().get(i), row.get(i));
                    }
                }
                out.println(Json.write(rows));
            }
            if (result.truncated()) {
                spec.commandLine().getErr().println("sql: only the first " + maxRows + " rows are shown (--max-rows)");
            }
        }
        return Cli.OK;
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; NULL is empty. */
    private static String csvLine(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            line.append(i > 0 ? "," : "");
            if (f != null && (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r"))) {
                line.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else if (f != null) {
                line.append(f);
            }
        }
        return line.toString();
    }
}
