package fr.id77.shared.export;

import fr.id77.shared.time.TimeConfiguration;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sends an export as a download named after its content and the day ({@code demandes-2026-12-02.csv}): the headers
 * first, then the rows written straight to the response as they come (the servlet container sends them in chunks).
 */
@Component
public class Downloads {

    private final Clock clock;

    Downloads(Clock clock) {
        this.clock = clock;
    }

    /**
     * Answers with the file {@code baseName-yyyy-mm-dd.extension} whose rows {@code rows} writes (an XLSX's sheet is
     * named {@code sheetName}; {@code baseName} in ASCII); an extension that is no {@link ExportFormat} is not found (404), before anything is read.
     */
    public void send(
            HttpServletResponse response, String extension, String baseName, String sheetName, Consumer<RowWriter> rows)
            throws IOException {
        ExportFormat format = ExportFormat.ofExtension(extension)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfiguration.PARIS);
        response.setContentType(format.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(baseName + "-" + today + "." + format.extension())
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        RowWriter writer = format.open(response.getOutputStream(), sheetName);
        rows.accept(writer);
        writer.finish();
        response.flushBuffer();
    }
}
