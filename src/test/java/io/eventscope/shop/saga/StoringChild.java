package io.eventscope.shop.saga;

import io.eventscope.engine.domain.JdbcCommandJournal;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A separate JVM that simulates a batch and stores it, pausing (see {@link PausingInsert}) at
 * one row inserted into one table, where the test kills it. Prints {@code storing E C}
 * (events, commands) before the store starts, {@code stored} if it ever returns.
 */
public final class StoringChild {
    private StoringChild() {
    }

    public static Process start(Path store, int orders, String table, int pauseAtRow, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-D" + PausingInsert.ROW + "=" + pauseAtRow, "-cp",
                System.getProperty("java.class.path"), StoringChild.class.getName(), store.toString(),
                Integer.toString(orders), table))
                .redirectError(log.toFile()).start();
    }

    public static void main(String[] args) throws SQLException {
        SimulationRun run = new Simulation(Scenario.DEFAULT, SagaMode.ORCHESTRATION, 3)
                .run(Integer.parseInt(args[1]), ProgressMonitor.NONE);
        try (OpenStore store = Stores.open(args[0])) {
            try (Connection c = store.database().connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER pause_insert BEFORE INSERT ON " + args[2] + " FOR EACH ROW CALL '"
                        + PausingInsert.class.getName() + "'");
            }
            System.out.println("storing " + run.store().headPosition() + " " + run.journal().count());
            System.out.flush();
            run.storeInto(store.store(), new JdbcCommandJournal(store.database()), ProgressMonitor.NONE);
            System.out.println("stored");
            System.out.flush();
        }
    }
}
