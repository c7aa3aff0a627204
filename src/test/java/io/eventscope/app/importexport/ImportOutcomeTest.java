package io.eventscope.app.importexport;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.io.ImportReport;
import io.eventscope.engine.io.LineError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the import report dialog says for the ways an import can end. */
class ImportOutcomeTest {
    private static final Path FILE = Path.of("/data/orders.ndjson");

    @Test
    void aCancelledImportSaysHowMuchWasAlreadyIn() {
        ImportOutcome outcome = ImportOutcome.of(new ImportReport(FILE.toString(), 5000, 3000, 0, 0, List.of(), true, null),
                FILE, ImportChoice.atomic());

        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.headline()).isEqualTo("The import of orders.ndjson was cancelled");
        assertThat(outcome.details()).isEqualTo("3,000 events from the top of the file had been imported before you cancelled.");
    }

    @Test
    void aRefusedBatchPassesOnTheStoresWords() {
        ImportOutcome outcome = ImportOutcome.of(new ImportReport(FILE.toString(), 10, 0, 0, 0, List.of(), false,
                "the store refused lines 1-10: conflict"), FILE, ImportChoice.atomic());

        assertThat(outcome.headline()).isEqualTo("The import of orders.ndjson stopped");
        assertThat(outcome.details()).isEqualTo("the store refused lines 1-10: conflict");
    }

    @Test
    void badLinesBeyondTheListedOnesAreCounted() {
        ImportOutcome outcome = ImportOutcome.of(new ImportReport(FILE.toString(), 2000, 0, 0, 1500,
                List.of(new LineError(7, "malformed JSON"), new LineError(9, "missing field 'eventType'")), false, null),
                FILE, ImportChoice.atomic());

        assertThat(outcome.headline()).isEqualTo("Nothing imported: 1,500 bad lines in orders.ndjson");
        assertThat(outcome.badLines()).containsExactly("Line 7: malformed JSON", "Line 9: missing field 'eventType'",
                "… and 1,498 more bad lines");
    }

    @Test
    void aPartialImportWithoutARejectsFileIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ImportChoice(false, true, null))
                .hasMessage("Name the file the rejected lines go to");
    }
}
