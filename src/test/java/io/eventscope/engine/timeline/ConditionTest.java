package io.eventscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {
    private static final JsonNode ORDER = Json.parse("""
            {"status":"CANCELLED","total":1250.00,"items":[{"sku":"lamp","quantity":2},{"sku":"desk","quantity":1}],
             "paid":false,"note":null,"tags":[],"owner":{"first name":"Ann"},"length":7}""");

    private static boolean holds(String condition) {
        return Condition.parse(condition).test(ORDER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "status == \"CANCELLED\" ; true",
            "status == 'CANCELLED' ; true",
            "status != \"CANCELLED\" ; false",
            "total > 1000 ; true",
            "total == 1250 ; true",
            "total >= 1250.0 ; true",
            "total < 1000 ; false",
            "total <= -1 ; false",
            "items.length == 2 ; true",
            "tags.length == 0 ; true",
            "status.length == 9 ; true",
            "items[1].sku == \"desk\" ; true",
            "items[0].quantity * 2 ; error",
            "items[2].sku == null ; true",
            "missing == null ; true",
            "note == null ; true",
            "note != null ; false",
            "owner[\"first name\"] == \"Ann\" ; true",
            "length == 7 ; true",
            "paid ; false",
            "!paid ; true",
            "!paid && total > 1000 ; true",
            "paid || status == \"CANCELLED\" ; true",
            "paid || total > 1000 && items.length == 3 ; false",
            "(paid || total > 1000) && items.length == 2 ; true",
            "!(status == \"CANCELLED\") ; false",
            "total > \"5\" ; false",
            "status > \"A\" && status < \"D\" ; true",
            "true ; true",
            "false || null == missing ; true",
    })
    void evaluatesOverTheState(String condition, String expected) {
        if (expected.equals("error")) {
            assertThatThrownBy(() -> Condition.parse(condition)).isInstanceOf(ConditionSyntaxException.class);
        } else {
            assertThat(holds(condition)).as(condition).isEqualTo(Boolean.parseBoolean(expected));
        }
    }

    @Test
    void aPathIntoSomethingThatIsNotThereIsMissingNotAnError() {
        assertThat(holds("status.code == 3")).isFalse();
        assertThat(holds("items[0][1] == null")).isTrue();
        assertThat(holds("total.length == null")).isTrue();
    }

    @Test
    void stringsKeepTheirEscapes() {
        assertThat(Condition.parse("s == \"say \\\"hi\\\"\"").test(Json.parse("{\"s\":\"say \\\"hi\\\"\"}"))).isTrue();
    }

    /** Each kind of mistake: where it is, and what was expected there. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "`` ; 0 ; expected a condition, found nothing",
            "status == ; 9 ; expected a value",
            "status = \"PAID\" ; 7 ; expected '==' to compare, found a single '='",
            "total > 10 & paid ; 11 ; expected '&&', found a single '&'",
            "total > 10 | paid ; 11 ; expected '||', found a single '|'",
            "(total > 10 && paid ; 19 ; expected ')' to close the '(' at column 1, found the end",
            "status == \"PAID ; 10 ; expected a closing \" for the string that starts here",
            "items[x].sku == 1 ; 6 ; expected an index (0, 1, ...) or a quoted field name after '['",
            "items[0.sku == 1 ; 7 ; expected ']' to close the '[' at column 6, found '.'",
            "items. == 1 ; 6 ; expected a field name after '.', found ' '",
            "status == \"A\" \"B\" ; 14 ; expected an operator (==, !=, <, <=, >, >=, &&, ||) or the end, found '\"'",
            "total > 10abc ; 10 ; expected a number, found 'a' inside it",
            "1 < total < 5 ; 2 ; comparisons do not chain",
            "# == 1 ; 0 ; expected a value (a field path, a \"string\", a number, true, false, null, '!' or '('), found '#'",
            "paid && || total ; 8 ; expected a value",
    })
    void aBadConditionPointsAtTheProblem(String condition, int position, String expected) {
        assertThatThrownBy(() -> Condition.parse(condition))
                .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
                    assertThat(e.position()).as("position").isEqualTo(position);
                    assertThat(e.problem()).startsWith(expected);
                    assertThat(e.getMessage()).startsWith("column " + (position + 1) + ": " + expected)
                            .endsWith("\n" + condition + "\n" + " ".repeat(position) + "^");
                });
    }
}
