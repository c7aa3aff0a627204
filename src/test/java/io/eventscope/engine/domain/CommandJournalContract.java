package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every command journal does; run against each implementation. */
abstract class CommandJournalContract {

    protected abstract CommandJournal journal();

    private static JournalEntry entry(String id, String correlation, String causation, CommandStatus status,
                                      String reason, List<String> events) {
        CommandEnvelope c = new CommandEnvelope(id, "Deposit", Json.parse("{\"accountId\":\"a1\",\"amount\":1.25}"),
                "bob", correlation, causation, Instant.parse("2026-01-02T03:04:05.123456Z"));
        return new JournalEntry(c, status, reason, "account-a1", events);
    }

    @Test
    void keepsEveryFieldOfAnEntry() {
        JournalEntry accepted = entry("c1", "k1", "e0", CommandStatus.ACCEPTED, null, List.of("e1", "e2"));
        JournalEntry rejected = entry("c2", "k1", null, CommandStatus.REJECTED, "account a1 does not exist", List.of());
        journal().record(accepted);
        journal().record(rejected);

        assertThat(journal().byCommandId("c1")).contains(accepted);
        assertThat(journal().byCommandId("c2")).contains(rejected);
        assertThat(journal().byCommandId("c3")).isEmpty();
        assertThat(journal().byCommandId("c1").orElseThrow().command().payload().get("amount").decimalValue())
                .isEqualByComparingTo("1.25");
    }

    @Test
    void findsTheCommandsOfACorrelationOldestFirst() {
        journal().record(entry("c1", "k1", null, CommandStatus.ACCEPTED, null, List.of("e1")));
        journal().record(entry("c2", "k2", null, CommandStatus.ACCEPTED, null, List.of("e2")));
        journal().record(entry("c3", "k1", "e1", CommandStatus.REJECTED, "no", List.of()));

        assertThat(journal().byCorrelationId("k1")).extracting(JournalEntry::commandId).containsExactly("c1", "c3");
        assertThat(journal().byCorrelationId("nothing")).isEmpty();
    }

    @Test
    void pagesRecentCommandsMostRecentFirst() {
        for (int i = 1; i <= 5; i++) {
            journal().record(entry("c" + i, "k", null, CommandStatus.ACCEPTED, null, List.of()));
        }

        assertThat(journal().recent(0, 2)).extracting(JournalEntry::commandId).containsExactly("c5", "c4");
        assertThat(journal().recent(2, 2)).extracting(JournalEntry::commandId).containsExactly("c3", "c2");
        assertThat(journal().recent(4, 2)).extracting(JournalEntry::commandId).containsExactly("c1");
        assertThat(journal().count()).isEqualTo(5);
    }

    @Test
    void recordingACommandIdAgainReplacesItsEntry() {
        journal().record(entry("c1", "k", null, CommandStatus.CONFLICT, "stream moved", List.of()));
        journal().record(entry("c1", "k", null, CommandStatus.ACCEPTED, null, List.of("e9")));

        assertThat(journal().count()).isEqualTo(1);
        assertThat(journal().byCommandId("c1").orElseThrow().status()).isEqualTo(CommandStatus.ACCEPTED);
        assertThat(journal().recent(0, 10)).hasSize(1);
    }

    @Test
    void settlingAnEntryKeepsItWhereItArrived() {
        journal().record(entry("c1", "k", null, CommandStatus.PENDING, null, List.of("e1")));
        journal().record(entry("c2", "k", null, CommandStatus.PENDING, null, List.of("e2")));
        journal().record(entry("c3", "k", null, CommandStatus.ACCEPTED, null, List.of("e3")));
        journal().record(entry("c1", "k", null, CommandStatus.ACCEPTED, null, List.of("e1")));
        journal().record(entry("c2", "k", null, CommandStatus.REJECTED, "no", List.of()));

        assertThat(journal().recent(0, 10)).extracting(JournalEntry::commandId).containsExactly("c3", "c2", "c1");
        assertThat(journal().recent(1, 1)).extracting(JournalEntry::status).containsExactly(CommandStatus.REJECTED);
        assertThat(journal().byCorrelationId("k")).extracting(JournalEntry::commandId).containsExactly("c1", "c2", "c3");
    }

    @Test
    void listsThePendingEntriesOldestFirst() {
        journal().record(entry("c1", "k", null, CommandStatus.PENDING, null, List.of("e1")));
        journal().record(entry("c2", "k", null, CommandStatus.ACCEPTED, null, List.of("e2")));
        journal().record(entry("c3", "k", null, CommandStatus.PENDING, null, List.of("e3", "e4")));
        journal().record(entry("c4", "k", null, CommandStatus.NOT_APPLIED, "stopped", List.of()));

        assertThat(journal().pending()).extracting(JournalEntry::commandId).containsExactly("c1", "c3");
        assertThat(journal().pending().get(1).eventIds()).containsExactly("e3", "e4");
        journal().record(entry("c1", "k", null, CommandStatus.ACCEPTED, null, List.of("e1")));
        assertThat(journal().pending()).extracting(JournalEntry::commandId).containsExactly("c3");
    }

    @Test
    void keepsTheTimestampToTheMicrosecond() {
        journal().record(entry("c1", "k", null, CommandStatus.ACCEPTED, null, List.of()));
        assertThat(journal().byCommandId("c1").orElseThrow().command().timestamp())
                .isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z").truncatedTo(ChronoUnit.MICROS));
    }
}
