package fr.id77.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The CSV a French spreadsheet opens as is: BOM, semicolons, dd/mm/yyyy, decimal comma, no formula injection. */
class CsvWriterTests {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void startsWithTheByteOrderMarkAndSeparatesWithSemicolonsAndCrlf() {
        CsvWriter csv = new CsvWriter(bytes);
        csv.row("Numéro", "Statut").row("D-2026-00001", "En attente");
        csv.flush();
        byte[] written = bytes.toByteArray();
        assertThat(written).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(written()).isEqualTo("\uFEFFNuméro;Statut\r\nD-2026-00001;En attente\r\n");
    }

    @Test
    void writesDatesNumbersAndEmptyCellsTheFrenchWay() {
        CsvWriter csv = new CsvWriter(bytes);
        csv.row(
                LocalDate.of(2026, 4, 7),
                Instant.parse("2026-07-14T08:30:00Z"),
                12,
                2.5,
                new BigDecimal("3.50"),
                null,
                true);
        csv.flush();
        assertThat(written()).endsWith("07/04/2026;14/07/2026 10:30;12;2,5;3,5;;oui\r\n");
    }

    @Test
    void quotesCellsHoldingSeparatorsQuotesOrLineBreaks() {
        CsvWriter csv = new CsvWriter(bytes);
        csv.row("a;b", "dit \"non\"", "deux\nlignes", "simple");
        csv.flush();
        assertThat(written()).endsWith("\"a;b\";\"dit \"\"non\"\"\";\"deux\nlignes\";simple\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        CsvWriter csv = new CsvWriter(bytes);
        csv.row("=HYPERLINK(\"http://x\")", "+33", "-1", "@SUM(A1)", "Réfection");
        csv.row(-1);
        csv.flush();
        assertThat(written()).endsWith("\"'=HYPERLINK(\"\"http://x\"\")\";'+33;'-1;'@SUM(A1);Réfection\r\n-1\r\n");
    }

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
