package dev.deft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deft.core.DeftException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rows file for {@code skills run --rows}: a header of parameter names, then one run per row. */
class CsvRowsTest {
    @TempDir
    Path folder;

    private Path file(String text) throws Exception {
        return Files.writeString(folder.resolve("rows.csv"), text);
    }

    @Test
    void aQuotedValueKeepsItsCommaQuoteAndLineBreak() throws Exception {
        Path rows = file("to,message\n"
                + "ann@example.org,\"Hello, Ann.\nShe said \"\"see you\"\".\"\n"
                + "bo@example.org,Plain\n");

        assertThat(CsvRows.read(rows)).containsExactly(
                Map.of("to", "ann@example.org", "message", "Hello, Ann.\nShe said \"see you\"."),
                Map.of("to", "bo@example.org", "message", "Plain"));
    }

    @Test
    void headerNamesAreTrimmedWindowsLineEndsAndBlankLinesAreFine() throws Exception {
        Path rows = file(" to , subject\r\n\r\nann@example.org, One\r\n   \r\nbo@example.org,\r\n");

        List<Map<String, String>> read = CsvRows.read(rows);

        assertThat(read).containsExactly(Map.of("to", "ann@example.org", "subject", " One"),
                Map.of("to", "bo@example.org", "subject", ""));
        assertThat(read.get(0).keySet()).containsExactly("to", "subject");
    }

    @Test
    void aRowWithTooFewOrTooManyValuesIsNamedInOneLine() throws Exception {
        Path rows = file("to,subject\nann@example.org,\"One,\nstill one\"\nbo@example.org\n");

        assertThatThrownBy(() -> CsvRows.read(rows)).isInstanceOf(DeftException.Configuration.class)
                .hasMessage(rows + ": row 2 has 1 values for 2 columns.");
    }

    @Test
    void aFileWithoutRowsOrThatIsNotThereSaysSo() throws Exception {
        assertThatThrownBy(() -> CsvRows.read(file("to,subject\n\n")))
                .hasMessageContaining("needs a header of parameter names and at least one row");
        assertThatThrownBy(() -> CsvRows.read(folder.resolve("none.csv")))
                .isInstanceOf(DeftException.Configuration.class)
                .hasMessageStartingWith("Cannot read the rows file " + folder.resolve("none.csv"));
    }

    @Test
    void aQuoteThatNeverClosesIsOneLineSayingWhere() throws Exception {
        Path rows = file("to,subject\nann@example.org,\"One\nbo@example.org,Two\n");

        assertThatThrownBy(() -> CsvRows.read(rows)).isInstanceOf(DeftException.Configuration.class)
                .hasMessageStartingWith("Cannot read the rows file " + rows + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
    }
}
