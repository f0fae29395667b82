package fr.id77.shared.export;

import java.util.Arrays;
import java.util.List;

/**
 * A spreadsheet written row by row, as the rows come from the database: nothing is kept but the current row, so an
 * export streams whatever its size. {@code null} is an empty cell; dates ({@code LocalDate}, {@code Instant},
 * {@code OffsetDateTime}, {@code LocalDateTime}) are shown in Paris time as dd/mm/yyyy (with the time when there is
 * one), numbers as numbers, booleans as « oui » / « non ». The same rows go to either format ({@link ExportFormat}).
 */
public interface RowWriter {

    /** Writes one row. */
    RowWriter row(List<?> cells);

    /** Writes one row. */
    default RowWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /** Ends the file (XLSX: its closing parts) and flushes what is left to the stream, which stays open. */
    void finish();
}
