package fr.id77.shared.export;

import fr.id77.shared.time.TimeConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An XLSX workbook of one sheet written row by row with fastexcel: every {@value #FLUSH_EVERY} rows the sheet's XML
 * goes to the stream, so only those rows, the distinct texts (shared strings) and the styles are held. The first row
 * (the headers) is bold. Dates are real spreadsheet dates shown as dd/mm/yyyy (Paris time); numbers are numbers.
 * Text is stored as text, never as a formula, so it needs no neutralisation (unlike {@link CsvWriter}).
 */
public final class XlsxWriter implements RowWriter {

    /** The media type to answer with. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final int FLUSH_EVERY = 1_000;
    private static final String DATE = "dd/mm/yyyy";
    private static final String DATE_TIME = "dd/mm/yyyy hh:mm";

    private final Workbook workbook;
    private final Worksheet sheet;
    private int rowIndex;

    public XlsxWriter(OutputStream stream, String sheetName) {
        this.workbook = new Workbook(stream, "ID77", "1.0");
        this.sheet = workbook.newWorksheet(sheetName);
    }

    @Override
    public XlsxWriter row(List<?> cells) {
        int r = rowIndex++;
        for (int c = 0; c < cells.size(); c++) {
            cell(r, c, cells.get(c));
            if (r == 0) {
                sheet.style(r, c).bold().set();
            }
        }
        if (rowIndex % FLUSH_EVERY == 0) {
            io(sheet::flush);
        }
        return this;
    }

    private void cell(int r, int c, Object value) {
        switch (value) {
            case null -> {}
            case LocalDate date -> dated(r, c, date.atStartOfDay(), DATE);
            case LocalDateTime dateTime -> dated(r, c, dateTime, DATE_TIME);
            case OffsetDateTime dateTime ->
                dated(r, c, dateTime.atZoneSameInstant(TimeConfiguration.PARIS).toLocalDateTime(), DATE_TIME);
            case Instant instant -> dated(r, c, LocalDateTime.ofInstant(instant, TimeConfiguration.PARIS), DATE_TIME);
            case BigDecimal number -> sheet.value(r, c, number);
            case Number number -> sheet.value(r, c, number);
            case Boolean yes -> sheet.value(r, c, yes ? "oui" : "non");
            default -> sheet.value(r, c, value.toString());
        }
    }

    private void dated(int r, int c, LocalDateTime value, String format) {
        sheet.value(r, c, value);
        sheet.style(r, c).format(format).set();
    }

    @Override
    public void finish() {
        io(() -> {
            sheet.finish();
            workbook.finish();
        });
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
