package fr.id77.catalogue;

import fr.id77.shared.export.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** « Exporter tout le catalogue » on the offers' administration (administrators only, as every /admin page). */
@Controller
class CatalogueExportController {

    private final CatalogueExport export;
    private final Downloads downloads;

    CatalogueExportController(CatalogueExport export, Downloads downloads) {
        this.export = export;
        this.downloads = downloads;
    }

    @GetMapping("/admin/offres/export.{extension}")
    void export(@PathVariable String extension, HttpServletResponse response) throws IOException {
        downloads.send(response, extension, "catalogue", "Catalogue", export::write);
    }
}
