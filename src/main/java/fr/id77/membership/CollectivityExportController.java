package fr.id77.membership;

import fr.id77.shared.export.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** « Exporter toutes les collectivités » on their administration page (administrators only, as every /admin page). */
@Controller
class CollectivityExportController {

    private final CollectivityExport export;
    private final Downloads downloads;

    CollectivityExportController(CollectivityExport export, Downloads downloads) {
        this.export = export;
        this.downloads = downloads;
    }

    @GetMapping("/admin/collectivites/export.{extension}")
    void export(@PathVariable String extension, HttpServletResponse response) throws IOException {
        downloads.send(response, extension, "collectivites", "Collectivités", export::write);
    }
}
