package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query sagas} answers from saga_status what {@code sagas} folds from the saga logs;
 * {@code --store} goes before or after the subcommand, as the issue writes it.
 */
class QuerySagasCommandTest {

    @Test
    void query_sagas_lists_the_stored_sagas_in_start_order_and_filters_by_status(@TempDir Path dir) {
        String store = dir.resolve("s").toString();
        CliRun simulated = CliRun.of("simulate", "--store", store, "--orders", "60", "--seed", "3", "--fail",
                "payment=0.3,inventory=0.1,compensation=0.5");
        assertThat(simulated.exit()).as(simulated.err()).isEqualTo(Cli.OK);

        List<JsonNode> folded = CliRun.of("sagas", "--store", store).json();
        CliRun all = CliRun.of("query", "--store", store, "sagas");
        assertThat(all.exit()).as(all.err()).isEqualTo(Cli.OK);
        List<JsonNode> rows = new ArrayList<>();
        all.json().get(0).forEach(rows::add);
        assertThat(rows).extracting(r -> r.get("orderId").asText())
                .containsExactlyElementsOf(folded.stream().map(s -> s.get("orderId").asText()).toList());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("status").asText().toLowerCase().replace('_', '-'))
                    .isEqualTo(folded.get(i).get("status").asText());
        }

        CliRun compensated = CliRun.of("query", "sagas", "--store", store, "--status", "compensated");
        List<String> expected = folded.stream().filter(s -> s.get("status").asText().equals("compensated"))
                .map(s -> s.get("orderId").asText()).toList();
        assertThat(expected).isNotEmpty();
        List<String> answered = new ArrayList<>();
        compensated.json().get(0).forEach(r -> answered.add(r.get("orderId").asText()));
        assertThat(answered).isEqualTo(expected);
        assertThat(compensated.json().get(0).get(0).get("compensatedSteps")).isNotEmpty();

        CliRun status = CliRun.of("projections", "--store", store, "status");
        assertThat(status.exit()).as(status.err()).isEqualTo(Cli.OK);
        assertThat(status.out()).contains("\"sagas\"");

        CliRun wrong = CliRun.of("query", "--store", store, "sagas", "--status", "done");
        assertThat(wrong.exit()).isEqualTo(Cli.USAGE);
        assertThat(wrong.err()).contains("--status", "'done'", "needs-intervention");
    }
}
