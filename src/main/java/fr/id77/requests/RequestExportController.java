package fr.id77.requests;

import fr.id77.account.CurrentUser;
import fr.id77.shared.export.Downloads;
import fr.id77.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * « Exporter » on the « Demandes » list: the list with exactly its filters (all its pages), as CSV or XLSX, for the
 * signed-in person's scope (a member: his collectivity's requests; a chef de file: those he sees; an admin: all).
 */
@Controller
class RequestExportController {

    private final RequestExport export;
    private final RequestListFilterValidator filterValidator;
    private final FormBinding forms;
    private final Downloads downloads;

    RequestExportController(
            RequestExport export, RequestListFilterValidator filterValidator, FormBinding forms, Downloads downloads) {
        this.export = export;
        this.filterValidator = filterValidator;
        this.forms = forms;
        this.downloads = downloads;
    }

    @GetMapping("/demandes/export.{extension}")
    void export(
            @PathVariable String extension,
            @ModelAttribute("filtre") RequestListFilter filter,
            BindingResult binding,
            CurrentUser user,
            Model model,
            HttpServletResponse response)
            throws IOException {
        RequestListQuery query = filterValidator.cleaned(filter, forms.whole(filter, "filtre", binding, model));
        Actor actor = RequestPages.actor(user);
        downloads.send(response, extension, "demandes", "Demandes", out -> export.write(query, actor, out));
    }
}
