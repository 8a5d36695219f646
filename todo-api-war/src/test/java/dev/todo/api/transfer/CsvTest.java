package dev.todo.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsKeepCommasLineBreaksAndQuotes() throws Csv.Malformed {
        List<Csv.Row> rows = Csv.parse("a,b\r\n\"x, y\",\"line\nbreak \"\"quoted\"\"\"\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).cells()).containsExactly("x, y", "line\nbreak \"quoted\"");
        assertThat(rows.get(1).number()).isEqualTo(2);
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Csv.Malformed {
        List<String> cells = List.of("=SUM(A1)", "'=x", "'hello", "- dash", "plain", "a,\"b\"\nc", " padded ", "");

        List<Csv.Row> rows = Csv.parse(Csv.line(cells));

        assertThat(rows.get(0).cells().stream().map(Csv::unguard).toList()).isEqualTo(cells);
    }

    @Test
    void formulaLikeCellsAreGuardedForSpreadsheets() {
        assertThat(Csv.guard("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(Csv.guard("+1")).isEqualTo("'+1");
        assertThat(Csv.guard("@cmd")).isEqualTo("'@cmd");
        assertThat(Csv.guard("fine")).isEqualTo("fine");
    }

    @Test
    void anUnclosedQuoteNamesItsRow() {
        assertThatThrownBy(() -> Csv.parse("a,b\nok,ok\n\"open,never closed\n"))
                .isInstanceOf(Csv.Malformed.class)
                .satisfies(e -> assertThat(((Csv.Malformed) e).row).isEqualTo(3));
    }
}
