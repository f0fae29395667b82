package fr.id77.shared.export;

import fr.id77.shared.time.TimeConfiguration;
import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * CSV as a French spreadsheet opens it without an import wizard: UTF-8 with a byte order mark, {@code ;} between
 * cells, CRLF between rows, dates as dd/mm/yyyy, decimals with a comma. Rows are written as they come (nothing is
 * kept), so an export streams from the database. Text that a spreadsheet would take for a formula ({@code =},
 * {@code +}, {@code -}, {@code @} first) is written with a leading apostrophe, so a request title cannot run in the
 * reader's spreadsheet.
 */
public final class CsvWriter implements RowWriter, Flushable {

    /** The media type to answer with. */
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Writer out;

    public CsvWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
        write("\uFEFF");
    }

    /** Writes one row; {@code null} is an empty cell. */
    @Override
    public CsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /** Writes one row; {@code null} is an empty cell. */
    @Override
    public CsvWriter row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(';');
            }
            line.append(quoted(text(cells.get(i))));
        }
        write(line.append("\r\n").toString());
        return this;
    }

    @Override
    public void finish() {
        flush();
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a cell, as a French spreadsheet reads it back. */
    static String text(Object cell) {
        return switch (cell) {
            case null -> "";
            case LocalDate date -> DATE.format(date);
            case LocalDateTime dateTime -> DATE_TIME.format(dateTime);
            case OffsetDateTime dateTime -> DATE_TIME.format(dateTime.atZoneSameInstant(TimeConfiguration.PARIS));
            case Instant instant -> DATE_TIME.format(instant.atZone(TimeConfiguration.PARIS));
            case Double number -> decimal(BigDecimal.valueOf(number));
            case Float number -> decimal(BigDecimal.valueOf(number.doubleValue()));
            case BigDecimal number -> decimal(number);
            case Number number -> number.toString();
            case Boolean yes -> yes ? "oui" : "non";
            default -> neutralised(cell.toString());
        };
    }

    private static String decimal(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String quoted(String text) {
        if (text.indexOf(';') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
