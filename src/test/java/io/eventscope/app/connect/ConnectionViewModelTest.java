package io.eventscope.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection dialog's logic, without a window. */
class ConnectionViewModelTest {
    private final List<String> opened = new ArrayList<>();
    private final ConnectionViewModel model = new ConnectionViewModel(opened::add);

    @Test
    void buildsTheJdbcUrlWithTheLoginEncodedAndForgetsThePasswordOnceUsed() {
        model.host().set(" db.example.org ");
        model.port().set("6543");
        model.database().set("shop");
        model.user().set("ada lovelace");
        model.password().set("p&ss=w?rd");

        model.connect();

        assertThat(opened).containsExactly(
                "jdbc:postgresql://db.example.org:6543/shop?user=ada+lovelace&password=p%26ss%3Dw%3Frd");
        assertThat(model.password().get()).isEmpty();
    }

    @Test
    void noPasswordMeansNoPasswordParameter() {
        assertThat(model.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    }

    @Test
    void fieldsThatCannotFormAUrlAreNamedAndNothingIsOpened() {
        model.port().set("54x");
        assertThat(model.problem().get()).isEqualTo("The port is a number from 1 to 65535, not '54x'.");
        assertThat(model.valid().get()).isFalse();
        model.connect();
        assertThat(opened).isEmpty();

        model.port().set("70000");
        assertThat(model.problem().get()).contains("not '70000'");
        model.port().set("5432");
        model.database().set("my shop");
        assertThat(model.problem().get()).isEqualTo("A database name cannot hold spaces or any of / ? & #.");
        model.database().set("shop");
        model.host().set("");
        assertThat(model.problem().get()).isEqualTo("Name the server (host name or address).");
        model.host().set("a/b");
        assertThat(model.problem().get()).startsWith("The server is a host name or address");
        model.host().set("localhost");
        model.user().set(" ");
        assertThat(model.problem().get()).isEqualTo("Name the user to log in as.");
        model.user().set("postgres");
        assertThat(model.valid().get()).isTrue();
    }
}
