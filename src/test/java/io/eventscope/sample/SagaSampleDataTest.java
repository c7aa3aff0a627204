package io.eventscope.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.BackgroundWork;
import io.eventscope.app.StoreSeeder;
import io.eventscope.engine.domain.CommandStatus;
import io.eventscope.engine.domain.InMemoryCommandJournal;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.shop.saga.SagaRecord;
import io.eventscope.shop.saga.SagaRecords;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first-start store meets sagas of every outcome, in both modes, each step's command in the journal. */
class SagaSampleDataTest {

    @Test
    void the_seeded_store_holds_completed_compensated_and_stuck_sagas_of_both_modes() throws Exception {
        InMemoryEventStore store = new InMemoryEventStore();
        InMemoryCommandJournal journal = new InMemoryCommandJournal();
        new StoreSeeder(Path.of("sample-data", "shop.ndjson")).seedIfEmpty(store, journal, new BackgroundWork.Progress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public void message(String text) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });

        List<SagaRecord> sagas = SagaRecords.list(store, null);
        assertThat(sagas).hasSize(100);
        assertThat(sagas).extracting(SagaRecord::mode).contains("orchestration", "choreography");
        assertThat(sagas).extracting(SagaRecord::status)
                .contains(SagaStatus.COMPLETED, SagaStatus.COMPENSATED, SagaStatus.NEEDS_INTERVENTION)
                .allMatch(SagaStatus::isFinal);
        SagaRecord first = sagas.get(0);
        assertThat(journal.byCorrelationId(first.correlationId())).isNotEmpty()
                .allMatch(c -> c.status() == CommandStatus.ACCEPTED || c.status() == CommandStatus.REJECTED);
    }
}
