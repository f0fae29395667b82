package fr.id77.shared.export;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The formats every export is offered in: the same rows, written by {@link CsvWriter} or {@link XlsxWriter}. */
public enum ExportFormat {
    CSV("csv", CsvWriter.CONTENT_TYPE),
    XLSX("xlsx", XlsxWriter.CONTENT_TYPE);

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format of a file extension ({@code csv}, {@code xlsx}), if it is one. */
    public static Optional<ExportFormat> ofExtension(String extension) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(extension == null ? null : extension.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** A writer of this format on {@code stream}; {@code sheetName} names the XLSX sheet. */
    public RowWriter open(OutputStream stream, String sheetName) {
        return switch (this) {
            case CSV -> new CsvWriter(stream);
            case XLSX -> new XlsxWriter(stream, sheetName);
        };
    }
}
